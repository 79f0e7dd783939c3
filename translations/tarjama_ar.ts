<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AlternativesPane</name>
    <message>
        <source>Post-editing: {effort}</source>
        <extracomment>The project&apos;s model (`ui.mt.model_menu.project_package`); None: the default, if any is installed.</extracomment>
        <translation>التحرير اللاحق: {effort}</translation>
    </message>
    <message>
        <source>No machine translation for this segment.</source>
        <translation>لا توجد ترجمة آلية لهذا المقطع.</translation>
    </message>
    <message>
        <source>Machine translation: {text}</source>
        <translation>الترجمة الآلية: {text}</translation>
    </message>
    <message>
        <source>Ctrl+{n}  {text}  ({confidence}%)</source>
        <translation>Ctrl+{n}  {text}  ({confidence}%)</translation>
    </message>
</context>
<context>
    <name>Analysis</name>
    <message>
        <source>101 % (context)</source>
        <extracomment>The core&apos;s band names (`tarjama.project.analysis_report.BAND_NAMES`) marked for lupdate; a test keeps them equal.</extracomment>
        <translation>101 % (سياق)</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>التكرارات</translation>
    </message>
    <message>
        <source>95–99 %</source>
        <translation>95–99 %</translation>
    </message>
    <message>
        <source>85–94 %</source>
        <translation>85–94 %</translation>
    </message>
    <message>
        <source>75–84 %</source>
        <translation>75–84 %</translation>
    </message>
    <message>
        <source>50–74 %</source>
        <translation>50–74 %</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>بلا تطابق</translation>
    </message>
    <message>
        <source>MT, likely fine</source>
        <translation>ترجمة آلية، سليمة على الأرجح</translation>
    </message>
    <message>
        <source>MT, check</source>
        <translation>ترجمة آلية، تحتاج إلى مراجعة</translation>
    </message>
    <message>
        <source>MT, unsure</source>
        <translation>ترجمة آلية، غير موثوقة</translation>
    </message>
</context>
<context>
    <name>AnalysisDialog</name>
    <message>
        <source>Analysis</source>
        <extracomment>The table&apos;s columns. Rows: the bands, their total, then the machine translations among the no-match segments.</extracomment>
        <translation>التحليل</translation>
    </message>
    <message>
        <source>Repetitions before 100 % matches</source>
        <translation>التكرارات قبل تطابقات 100 %</translation>
    </message>
    <message>
        <source>A repetition that is also a 100 % or 101 % match is counted as a repetition, not as the match.</source>
        <translation>يُحسب التكرار الذي هو أيضًا تطابق 100 % أو 101 % تكرارًا لا تطابقًا.</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>الأحرف</translation>
    </message>
    <message>
        <source>Weight %</source>
        <translation>الوزن %</translation>
    </message>
    <message>
        <source>Weighted words</source>
        <translation>الكلمات الموزونة</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>حفظ بصيغة CSV…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>الملف:</translation>
    </message>
    <message>
        <source>Cannot analyse the project</source>
        <translation>تعذّر تحليل المشروع</translation>
    </message>
    <message>
        <source>The analysis was cancelled.</source>
        <translation>أُلغي التحليل.</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>جارٍ التحليل…</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <source>Edit the weight: the share of a new word&apos;s price that a word of this band costs (0 to 100).</source>
        <translation>عدّل الوزن: نسبة ما تكلّفه كلمة من هذه الفئة من سعر الكلمة الجديدة (من 0 إلى 100).</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <source>Weighted words: {weighted} of {words}</source>
        <translation>الكلمات الموزونة: {weighted} من {words}</translation>
    </message>
    <message>
        <source>Save the analysis as CSV</source>
        <translation>حفظ التحليل بصيغة CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot save the analysis</source>
        <translation>تعذّر حفظ التحليل</translation>
    </message>
    <message>
        <source>Analysis saved: {path}</source>
        <translation>حُفظ التحليل: {path}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Language</source>
        <extracomment>Seconds a busy Python thread may keep the interpreter before another that waits gets it (Python&apos;s default is 0.005). The window makes hundreds of short SQLite calls as pre-translation&apos;s batches arrive, each letting go of the interpreter and waiting to have it back while a worker thread computes (the engine&apos;s confidence, the spelling dictionaries being read): at 5 ms a wait, that froze the grid for seconds (bench/pretranslate_stall.py).</extracomment>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>The window stays in English: its translation could not be loaded ({reason}). Reinstalling Tarjama puts it back; View → Language → English stops this message.</source>
        <translation>تبقى النافذة بالإنجليزية: تعذّر تحميل ترجمتها ({reason}). إعادة تثبيت «ترجمة» تعيدها؛ واختيار عرض ← اللغة ← English يوقف هذه الرسالة.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Fill repetitions</source>
        <extracomment>Bare `translate(&quot;Context&quot;, &quot;text&quot;)` calls are what lupdate extracts outside a QObject&apos;s methods. Whether this step has been done once: from then on it builds on what this window last wrote.</extracomment>
        <translation>ملء التكرارات</translation>
    </message>
    <message>
        <source>Split segment</source>
        <extracomment>How many repetitions the approved translation&apos;s tags could not be carried into (the window says so).</extracomment>
        <translation>تقسيم المقطع</translation>
    </message>
    <message>
        <source>Merge segments</source>
        <translation>دمج المقطعين</translation>
    </message>
    <message>
        <source>Re-translate segment</source>
        <translation>إعادة ترجمة المقطع</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>إضافة تعليق</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>حذف التعليق</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Add &amp;comment…</source>
        <extracomment>The comment a list row stands for.</extracomment>
        <translation>إضافة &amp;تعليق…</translation>
    </message>
    <message>
        <source>Save comment</source>
        <translation>حفظ التعليق</translation>
    </message>
    <message>
        <source>&amp;Delete comment</source>
        <translation>&amp;حذف التعليق</translation>
    </message>
    <message>
        <source>Write a comment on this segment and press Enter</source>
        <translation>اكتب تعليقًا على هذا المقطع واضغط Enter</translation>
    </message>
    <message>
        <source>Comments and changes</source>
        <translation>التعليقات والتغييرات</translation>
    </message>
    <message>
        <source>The comment was not saved</source>
        <translation>لم يُحفظ التعليق</translation>
    </message>
</context>
<context>
    <name>ConcordanceIndexing</name>
    <message>
        <source>Indexing {name} for concordance: {percent}% (concordance finds the new units meanwhile, more slowly)</source>
        <extracomment>(units indexed so far, units waiting when the build began), emitted on the worker thread.</extracomment>
        <translation>فهرسة {name} للبحث السياقي: {percent}٪ (يجد البحث السياقي الوحدات الجديدة في أثناء ذلك، ولكن أبطأ)</translation>
    </message>
    <message>
        <source>Indexing {name} for concordance stopped: {problem} It goes on the next time the memory is used.</source>
        <translation>توقفت فهرسة {name} للبحث السياقي: {problem} وتُستأنف في المرة القادمة التي تُستخدم فيها الذاكرة.</translation>
    </message>
    <message>
        <source>{name} is indexed for concordance.</source>
        <translation>اكتملت فهرسة {name} للبحث السياقي.</translation>
    </message>
</context>
<context>
    <name>ConcordancePanel</name>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>Found: {n}</source>
        <translation>النتائج: {n}</translation>
    </message>
</context>
<context>
    <name>Confidence</name>
    <message>
        <source>TM {score}%</source>
        <translation>ذاكرة {score}%</translation>
    </message>
    <message>
        <source>Repetition</source>
        <translation>تكرار</translation>
    </message>
    <message>
        <source>MT {score}</source>
        <translation>آلية {score}</translation>
    </message>
    <message>
        <source>Likely fine: {likely}% or more of translations this confident need no edit.</source>
        <translation>سليمة على الأرجح: {likely}% أو أكثر من الترجمات بهذه الثقة لا تحتاج إلى تعديل.</translation>
    </message>
    <message>
        <source>Check: {check}% to {likely}% of translations this confident need no edit.</source>
        <translation>تحتاج إلى مراجعة: من {check}% إلى {likely}% من الترجمات بهذه الثقة لا تحتاج إلى تعديل.</translation>
    </message>
    <message>
        <source>Unsure: fewer than {check}% of translations this confident need no edit.</source>
        <translation>غير موثوقة: أقل من {check}% من الترجمات بهذه الثقة لا تحتاج إلى تعديل.</translation>
    </message>
</context>
<context>
    <name>Effort</name>
    <message>
        <source>{h} h {m} min</source>
        <extracomment>Bare `translate(&quot;Context&quot;, &quot;text&quot;)` calls are what lupdate extracts outside a QObject&apos;s methods.</extracomment>
        <translation>{h} س {m} د</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} د {s} ث</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} ث</translation>
    </message>
    <message>
        <source>HTER {hter:.2f}</source>
        <translation>HTER {hter:.2f}</translation>
    </message>
    <message>
        <source>{n} characters changed</source>
        <translation>الحروف المعدّلة: {n}</translation>
    </message>
    <message>
        <source>{time} of editing</source>
        <translation>مدة التحرير: {time}</translation>
    </message>
    <message>
        <source>Post-edited segments</source>
        <translation>المقاطع المحرّرة لاحقًا</translation>
    </message>
    <message>
        <source>{n} approved ({mt} from machine translation, {tm} from fuzzy TM matches)</source>
        <translation>المعتمد منها: {n} ({mt} من الترجمة الآلية، {tm} من تطابقات جزئية في ذاكرة الترجمة)</translation>
    </message>
    <message>
        <source>HTER</source>
        <translation>HTER</translation>
    </message>
    <message>
        <source>mean {mean}, median {median}</source>
        <translation>المتوسط {mean}، الوسيط {median}</translation>
    </message>
    <message>
        <source>Active editing time</source>
        <translation>وقت التحرير الفعلي</translation>
    </message>
    <message>
        <source>Words per hour</source>
        <translation>كلمات في الساعة</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>file</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>is a folder; choose a file name for the {what}</source>
        <translation>مجلد؛ اختر اسم ملف لحفظ {what}</translation>
    </message>
    <message>
        <source>could not be written ({reason}); check that the folder exists, that you may write in it and that the disk is not full</source>
        <extracomment>What `os.link` fails with on a file system that has no hard links (FAT, exFAT, some network shares). How long `_publish_under_lock` waits for another publisher&apos;s lock before taking it as abandoned.</extracomment>
        <translation>تعذّرت الكتابة فيه ({reason})؛ تحقّق من وجود المجلد ومن أن لك إذن الكتابة فيه ومن أن القرص غير ممتلئ</translation>
    </message>
    <message>
        <source>give both --from and --to, or neither</source>
        <extracomment>The `--model` option of every command that machine-translates. Packages are unpacked (or set aside, when removed) in a staging folder and renamed into (or out of) place.</extracomment>
        <translation>حدّد ‎--from‎ و‎--to‎ معًا، أو لا تحدّد أيًّا منهما</translation>
    </message>
    <message>
        <source>the index lists no Arabic→English package</source>
        <translation>لا يذكر الفهرس أي حزمة للترجمة من العربية إلى الإنجليزية</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <extracomment>The translation context of every core message in the `.ts` (what `QCoreApplication.translate` is given). How an error about one file or address reads: the subject, then what is wrong with it.</extracomment>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>was not found; it may have been moved, renamed or deleted</source>
        <translation>غير موجود؛ ربما نُقل أو غُيّر اسمه أو حُذف</translation>
    </message>
    <message>
        <source>could not be read ({reason}); check that it is not open elsewhere and that you may read it</source>
        <translation>تعذّرت قراءته ({reason})؛ تحقّق من أنه غير مفتوح في برنامج آخر ومن أن لك إذن قراءته</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>cannot be created: the folder {folder} does not exist.</source>
        <translation>لا يمكن إنشاؤه: المجلد {folder} غير موجود.</translation>
    </message>
    <message>
        <source>this file is {suffix}</source>
        <translation>امتداد هذا الملف {suffix}</translation>
    </message>
    <message>
        <source>this file has no extension</source>
        <translation>هذا الملف بلا امتداد</translation>
    </message>
    <message>
        <source>is not a supported kind of document ({found}); Tarjama works with {supported} files — save the document in one of those formats first</source>
        <translation>ليس من أنواع المستندات المدعومة ({found})؛ يعمل «ترجمة» مع ملفات {supported} — احفظ المستند بإحدى هذه الصيغ أولًا</translation>
    </message>
    <message>
        <source>is a folder, not a document; choose a file inside it</source>
        <extracomment>The most a text document may hold: a 500,000-segment project comes from about 100 MB of Arabic. How much an unsized stream (a pipe, a device) is read at a time.</extracomment>
        <translation>مجلد وليس مستندًا؛ اختر ملفًا بداخله</translation>
    </message>
    <message>
        <source>The document has tracked changes: it was imported as it reads with every change accepted, and the translation is written that way.</source>
        <extracomment>The most a .docx may expand to (all its parts, uncompressed). A long report with its photos is a few tens of megabytes; python-docx holds every part in memory and its XML tree takes several times the XML&apos;s size. The most a .docx file itself may hold: nothing compresses below 1:1 that Word would write. What Word, LibreOffice and python-docx write; anything else (bzip2, LZMA) can inflate unboundedly in one read. The parts besides the body that hold text to translate, in the order their paragraphs come in the project.</extracomment>
        <translation>في المستند تغييرات متعقَّبة: استُورد كما يُقرأ بعد قبول كل التغييرات، وتُكتب الترجمة على هذا النحو.</translation>
    </message>
    <message>
        <source>The document has comments: they are not shown for translation, and the translated document keeps them on their paragraphs.</source>
        <translation>في المستند تعليقات: لا تُعرض للترجمة، ويحتفظ المستند المترجَم بها على فقراتها.</translation>
    </message>
    <message>
        <source>is empty: the Word document contains no text to translate</source>
        <translation>فارغ: لا يحتوي مستند Word على نص للترجمة</translation>
    </message>
    <message>
        <source>is empty: the file has no content at all</source>
        <translation>فارغ: لا محتوى في الملف إطلاقًا</translation>
    </message>
    <message>
        <source>is not a Word document (.docx); if it is an old .doc file or another format, open it in Word and save it as .docx</source>
        <translation>ليس مستند Word ‏(.docx)؛ إن كان ملف .doc قديمًا أو بصيغة أخرى فافتحه في Word واحفظه بصيغة .docx</translation>
    </message>
    <message>
        <source>expands to more than {limit} MB, far more than any article or report; it may be a damaged or malicious file — open it in Word, check it and save it again</source>
        <translation>يتمدّد بعد فك ضغطه إلى أكثر من {limit} ميغابايت، وهو أكبر بكثير من أي مقال أو تقرير؛ ربما الملف تالف أو ضارّ — افتحه في Word وتحقّق منه واحفظه من جديد</translation>
    </message>
    <message>
        <source>is not a valid Word document (.docx): it may be damaged or be another kind of archive; open it in Word and save it as .docx again</source>
        <translation>ليس مستند Word ‏(.docx) سليمًا: ربما هو تالف أو أرشيف من نوع آخر؛ افتحه في Word واحفظه بصيغة .docx من جديد</translation>
    </message>
    <message>
        <source>the Arabic term</source>
        <translation>المصطلح العربي</translation>
    </message>
    <message>
        <source>the English term</source>
        <translation>المصطلح الإنجليزي</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <source>the forbidden variants</source>
        <translation>الصيغ المحظورة</translation>
    </message>
    <message>
        <source>is empty; a glossary has a row per term: the Arabic term, its English translation and a note if any (a first row may name the columns arabic, english, note and forbidden)</source>
        <extracomment>Where the columns are in a file without a header row (and in an OmegaT glossary). A language code with a region or script (&quot;ar-sa&quot;, &quot;en-us&quot;, &quot;ar-latn&quot;); not a word like &quot;en-route&quot;. The first line OmegaT writes in a glossary it creates: its reader takes the encoding from it. The longest cell read: Excel&apos;s limit on a cell (LibreOffice&apos;s is larger, but no term or note comes near it). A cell a spreadsheet would run as a formula, after any quotes already put before it (OWASP CSV injection). A cell `_spreadsheet_safe` quoted: what reading takes one quote from.</extracomment>
        <translation>فارغ؛ في المسرد صفّ لكل مصطلح: المصطلح العربي وترجمته الإنجليزية وملاحظة إن وجدت (ويجوز أن يسمّي الصف الأول الأعمدة arabic وenglish وnote وforbidden)</translation>
    </message>
    <message>
        <source>line {line} cannot be read ({reason}); a quote mark may be missing — open the file in a spreadsheet and save it again</source>
        <translation>تتعذّر قراءة السطر {line} ({reason})؛ ربما تنقصه علامة اقتباس — افتح الملف في برنامج جداول بيانات واحفظه من جديد</translation>
    </message>
    <message>
        <source>line {line} has a cell of more than {limit} characters, longer than a spreadsheet cell can be and than any term or note; a quote mark may be missing, which runs the rest of the file into one cell — open the file in a spreadsheet, correct it and save it again</source>
        <extracomment>How the csv module words the error of a cell longer than `csv.field_size_limit()`.</extracomment>
        <translation>في السطر {line} خلية تزيد على {limit} حرفًا، أطول مما تتسع له خلية جدول بيانات ومن أي مصطلح أو ملاحظة؛ ربما تنقص علامة اقتباس فيصير باقي الملف خلية واحدة — افتح الملف في برنامج جداول بيانات وصحّحه واحفظه من جديد</translation>
    </message>
    <message>
        <source>line {line}: {problem}; correct the row or delete it, then import again</source>
        <translation>السطر {line}: {problem}؛ صحّح الصف أو احذفه ثم أعد الاستيراد</translation>
    </message>
    <message>
        <source>has two columns for {kind} ({first} and {second}); rename or delete one</source>
        <translation>فيه عمودان لـ{kind} ({first} و{second})؛ غيّر اسم أحدهما أو احذفه</translation>
    </message>
    <message>
        <source>has no column for {kinds} (its header row is {found}); name the columns arabic, english, note and forbidden in the first row</source>
        <translation>لا عمود فيه لـ{kinds} (صف العناوين فيه: {found})؛ سمِّ الأعمدة في الصف الأول arabic وenglish وnote وforbidden</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} أو {second}</translation>
    </message>
    <message>
        <source>is not a TBX file (its XML is &lt;{root}&gt;, not &lt;martif&gt; or &lt;tbx&gt;); export the termbase from the other tool as TBX</source>
        <extracomment>Data categories saying whether a term may be used: TBX-Basic&apos;s, and the older name MultiTerm exports still use. Elements (or `&lt;descrip type=...&gt;`) whose text becomes the entry&apos;s note. Concepts without a usable Arabic term or without an English translation. Primary language subtags of every language section seen, lower-case.</extracomment>
        <translation>ليس ملف TBX (عنصر XML الجذر فيه &lt;{root}&gt; وليس &lt;martif&gt; أو &lt;tbx&gt;)؛ صدّر قاعدة المصطلحات من الأداة الأخرى بصيغة TBX</translation>
    </message>
    <message>
        <source>contains entity declarations, which Tarjama refuses for safety (they can make a file pull in other files or reach the network); export the termbase again from the tool that made it as plain TBX</source>
        <translation>يحتوي على تعريفات كيانات يرفضها «ترجمة» حفاظًا على الأمان (قد تجعل الملف يجلب ملفات أخرى أو يتصل بالشبكة)؛ صدّر قاعدة المصطلحات من جديد من الأداة التي أنشأتها بصيغة TBX عادية</translation>
    </message>
    <message>
        <source>is empty: there is no text in it to translate</source>
        <translation>فارغ: لا نص فيه للترجمة</translation>
    </message>
    <message>
        <source>is larger than {limit} MB, far more than any document Tarjama reviews; check that it is the right file, or split it into parts</source>
        <translation>أكبر من {limit} ميغابايت، وهو أكبر بكثير من أي مستند يراجعه «ترجمة»؛ تحقّق من أنه الملف الصحيح، أو قسّمه إلى أجزاء</translation>
    </message>
    <message>
        <source>starts with a {label} marker but is not valid {label} text; it may be damaged — open it in a text editor and save it again as UTF-8</source>
        <translation>يبدأ بعلامة {label} لكنه ليس نصًّا سليمًا بترميز {label}؛ ربما هو تالف — افتحه في محرر نصوص واحفظه من جديد بترميز UTF-8</translation>
    </message>
    <message>
        <source>is in a text encoding that could not be recognised; open it in a text editor and save it as UTF-8</source>
        <translation>مكتوب بترميز نصوص لم يُتعرَّف عليه؛ افتحه في محرر نصوص واحفظه بترميز UTF-8</translation>
    </message>
    <message>
        <source>is not a text file (it contains binary data); if it is a document from another program, save it from there as plain text (.txt, UTF-8) or as .docx</source>
        <translation>ليس ملفًا نصيًّا (يحتوي على بيانات ثنائية)؛ إن كان مستندًا من برنامج آخر فاحفظه منه نصًّا عاديًّا (.txt بترميز UTF-8) أو بصيغة .docx</translation>
    </message>
    <message>
        <source>is not well-formed XML (line {line}: {reason}); the file may be damaged or cut short — export it again from the tool that made it</source>
        <extracomment>The message a format refuses an entity-declaring file with, for the file at that path. How far into the file to look for entity declarations before the root element. Real prologs are a few hundred bytes; one padded beyond this is left to the parser&apos;s flags and the check of the parsed DTD.</extracomment>
        <translation>ليس XML سليم البنية (السطر {line}: {reason})؛ ربما الملف تالف أو مبتور — صدّره من جديد من الأداة التي أنشأته</translation>
    </message>
    <message>
        <source>a {suffix} file</source>
        <extracomment>The most a glossary file may hold. 100,000 Arabic-English terms take about 8 MB as CSV and 56 MB as TBX (as Tarjama writes them); a bigger file is another kind of file (or a device such as /dev/zero), and reading it whole would exhaust memory. TBX concepts without an Arabic term or without an English translation.</extracomment>
        <translation>ملف {suffix}</translation>
    </message>
    <message>
        <source>a file without an extension</source>
        <translation>ملف بلا امتداد</translation>
    </message>
    <message>
        <source>is {kind}; glossaries are imported and exported as {extensions} files — name the file with one of those</source>
        <translation>هو {kind}؛ تُستورد المسارد وتُصدَّر بملفات {extensions} — سمِّ الملف بأحد هذه الامتدادات</translation>
    </message>
    <message>
        <source>holds no Arabic term with an English translation; nothing was imported</source>
        <translation>لا يحتوي على أي مصطلح عربي له ترجمة إنجليزية؛ لم يُستورد شيء</translation>
    </message>
    <message>
        <source>holds no Arabic term with an English translation (languages found: {languages}); nothing was imported</source>
        <translation>لا يحتوي على أي مصطلح عربي له ترجمة إنجليزية (اللغات الموجودة: {languages})؛ لم يُستورد شيء</translation>
    </message>
    <message>
        <source>is a folder, not a glossary file; choose a file inside it</source>
        <translation>مجلد وليس ملف مسرد؛ اختر ملفًا بداخله</translation>
    </message>
    <message>
        <source>is larger than {limit} MB, far more than any glossary (100,000 terms take about 8 MB as CSV, 56 MB as TBX); check that it is the right file, or split it into parts</source>
        <translation>أكبر من {limit} ميغابايت، وهو أكبر بكثير من أي مسرد (مئة ألف مصطلح تشغل نحو 8 ميغابايت بصيغة CSV و56 ميغابايت بصيغة TBX)؛ تحقّق من أنه الملف الصحيح، أو قسّمه إلى أجزاء</translation>
    </message>
    <message>
        <source>exported glossary</source>
        <translation>المسرد المُصدَّر</translation>
    </message>
    <message>
        <source>the zip archive is damaged ({reason}); download the package again</source>
        <extracomment>Real Arabic→English packages unpack to 100–400 MB; 4 GiB leaves room for bigger models, not for a zip bomb.</extracomment>
        <translation>أرشيف zip تالف ({reason})؛ نزّل الحزمة من جديد</translation>
    </message>
    <message>
        <source>it contains an absolute path ({name})</source>
        <translation>يحتوي على مسار مطلق ({name})</translation>
    </message>
    <message>
        <source>it contains a Windows-style path ({name}), which could escape its folder</source>
        <translation>يحتوي على مسار بأسلوب Windows ‏({name}) قد يخرج عن مجلده</translation>
    </message>
    <message>
        <source>it contains a path that climbs out of its folder ({name})</source>
        <translation>يحتوي على مسار يصعد خارج مجلده ({name})</translation>
    </message>
    <message>
        <source>it contains a link ({name}); packages must hold plain files only</source>
        <translation>يحتوي على رابط ({name})؛ يجب ألا تضم الحزم إلا ملفات عادية</translation>
    </message>
    <message>
        <source>it contains a special file ({name}); packages must hold plain files only</source>
        <translation>يحتوي على ملف خاص ({name})؛ يجب ألا تضم الحزم إلا ملفات عادية</translation>
    </message>
    <message>
        <source>it contains an encrypted file ({name})</source>
        <translation>يحتوي على ملف مشفّر ({name})</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>الملف غير موجود</translation>
    </message>
    <message>
        <source>not a translation package: an .argosmodel file must be a zip archive</source>
        <translation>ليس حزمة ترجمة: يجب أن يكون ملف .argosmodel أرشيف zip</translation>
    </message>
    <message>
        <source>the zip archive is empty</source>
        <translation>أرشيف zip فارغ</translation>
    </message>
    <message>
        <source>it holds {count:,} files, more than any translation package</source>
        <translation>يضم {count:,} ملفًا، أكثر مما تضمه أي حزمة ترجمة</translation>
    </message>
    <message>
        <source>unsafe package: {problem}</source>
        <translation>حزمة غير آمنة: {problem}</translation>
    </message>
    <message>
        <source>it would unpack to more than {size} (possible zip bomb); refusing to install it</source>
        <translation>سيتجاوز حجمه بعد فك الضغط {size} (ربما قنبلة zip)؛ رُفض تثبيته</translation>
    </message>
    <message>
        <source>it has a file ({name}) outside its top-level folder</source>
        <translation>فيه ملف ({name}) خارج مجلده الأعلى</translation>
    </message>
    <message>
        <source>it must contain exactly one top-level folder, found {count}: {folders}</source>
        <translation>يجب أن يحتوي على مجلد أعلى واحد بالضبط، ووُجد {count}: {folders}</translation>
    </message>
    <message>
        <source>its top-level folder has an unusable name ({name})</source>
        <translation>اسم مجلده الأعلى غير صالح للاستخدام ({name})</translation>
    </message>
    <message>
        <source>it has no CTranslate2 model (model/model.bin is missing)</source>
        <translation>لا نموذج CTranslate2 فيه (الملف model/model.bin مفقود)</translation>
    </message>
    <message>
        <source>its model/ folder has no vocabulary file (shared_vocabulary.json or .txt)</source>
        <translation>لا ملف مفردات في مجلد model/ فيه (shared_vocabulary.json أو .txt)</translation>
    </message>
    <message>
        <source>model/model.bin: {reason}</source>
        <translation>الملف model/model.bin: {reason}</translation>
    </message>
    <message>
        <source>it has no tokenizer (sentencepiece.model or bpe.model is missing)</source>
        <translation>لا مُقطِّع فيه (الملف sentencepiece.model أو bpe.model مفقود)</translation>
    </message>
    <message>
        <source>it has no metadata.json in its top-level folder</source>
        <translation>لا ملف metadata.json في مجلده الأعلى</translation>
    </message>
    <message>
        <source>its metadata.json is implausibly large</source>
        <translation>ملف metadata.json فيه كبير على نحو غير معقول</translation>
    </message>
    <message>
        <source>its metadata.json is not valid JSON ({reason})</source>
        <extracomment>Tokenizer layouts, preferred first: one model per side, or one for both.</extracomment>
        <translation>ملف metadata.json فيه ليس JSON سليمًا ({reason})</translation>
    </message>
    <message>
        <source>its metadata.json must hold a JSON object</source>
        <translation>يجب أن يحتوي ملف metadata.json فيه على كائن JSON</translation>
    </message>
    <message>
        <source>its metadata.json does not name the language pair ({key} is missing)</source>
        <translation>لا يذكر ملف metadata.json فيه زوج اللغتين ({key} مفقود)</translation>
    </message>
    <message>
        <source>it is a {kind} package, not a translation package</source>
        <translation>حزمة من نوع {kind} وليست حزمة ترجمة</translation>
    </message>
    <message>
        <source>unsafe package: {name} points outside its folder</source>
        <translation>حزمة غير آمنة: {name} يشير إلى خارج مجلده</translation>
    </message>
    <message>
        <source>{name} expands beyond its declared size (possible zip bomb); refusing to install it</source>
        <translation>يتجاوز {name} حجمه المُعلن بعد فك الضغط (ربما قنبلة zip)؛ رُفض تثبيته</translation>
    </message>
    <message>
        <source>could not unpack it: {reason}</source>
        <translation>تعذّر فك ضغطه: {reason}</translation>
    </message>
    <message>
        <source>Download of {package} cancelled.</source>
        <extracomment>Called with (bytes received so far, total bytes or None when the server does not say). A compressed package larger than this is not a translation package (real ones are 50-400 MB).</extracomment>
        <translation>أُلغي تنزيل {package}.</translation>
    </message>
    <message>
        <source>the index gives no http(s) link for this package</source>
        <translation>لا يعطي الفهرس رابط http(s) لهذه الحزمة</translation>
    </message>
    <message>
        <source>the server sent more data than announced; download refused</source>
        <translation>أرسل الخادم بيانات أكثر مما أعلن؛ رُفض التنزيل</translation>
    </message>
    <message>
        <source>the download broke off: {reason}</source>
        <translation>انقطع التنزيل: {reason}</translation>
    </message>
    <message>
        <source>the download is incomplete ({received:,} of {total:,} bytes); try again</source>
        <translation>التنزيل غير مكتمل ({received:,} من {total:,} بايت)؛ حاول مرة أخرى</translation>
    </message>
    <message>
        <source>the downloaded file does not match the index&apos;s checksum; try again later</source>
        <translation>لا يطابق الملف المُنزَّل المجموع الاختباري في الفهرس؛ حاول لاحقًا</translation>
    </message>
    <message>
        <source>A segment of {characters} characters is too long to machine-translate: a segment should be a sentence, and this model translates at most {limit} tokens in one. Split it into sentences and translate the parts.</source>
        <extracomment>Beam search decodes the same sentence several ways; its ranked hypotheses give the alternatives. Characters per token that no tokenizer of a sentence-trained model comes near on average (Arabic sentencepiece models make about 3 to 5; the tests&apos; word-level one about 5): a segment longer than this many characters per token allowed is refused before it is tokenised. Per-word probabilities of each translation, from one scoring pass over its best hypothesis (`tarjama.mt.word_scores`), at a fifth of the speed (`bench/confidence_quality.py --cost`). Off, the confidence is the same (`tarjama.mt.confidence_features`), and the window scores the segments it shows instead (`Translator.score_words`): the words it marks cost nothing in pre-translation. An alternative is what the store and the window keep as a machine suggestion: text and its confidence. How many pieces the segment was cut into to fit the model (1 = translated whole). When asked to align: how `text` (first), then each alternative, aligns to the source; else empty. Its words with their probabilities (empty with word scores off), the raw features its calibrated `confidence` came from (`tarjama.mt.calibration`) and exp(mean token log-probability), the uncalibrated one. Its tokens, or None when its characters alone put it over the limit (it was not tokenised).</extracomment>
        <translation>مقطع من {characters} حرفًا أطول من أن يُترجم آليًا: ينبغي أن يكون المقطع جملة، وهذا النموذج يترجم {limit} وحدة على الأكثر في المرة الواحدة. قسّمه إلى جمل وترجم الأجزاء.</translation>
    </message>
    <message>
        <source>its tokenizer cannot be loaded ({reason}); reinstall the package</source>
        <extracomment>Per hypothesis, the source piece each target piece is aligned to; empty when not asked to align. Per hypothesis, its tokens&apos; log-probabilities (end token last); empty with word scores off.</extracomment>
        <translation>يتعذّر تحميل مُقطِّعه ({reason})؛ أعد تثبيت الحزمة</translation>
    </message>
    <message>
        <source>the model cannot be loaded ({reason}); reinstall the package</source>
        <extracomment>The longest segment translated at all, in tokens and (a bound checked before tokenising) characters.</extracomment>
        <translation>يتعذّر تحميل النموذج ({reason})؛ أعد تثبيت الحزمة</translation>
    </message>
    <message>
        <source>model/model.bin: {reason}; reinstall the package</source>
        <translation>model/model.bin: {reason}؛ أعد تثبيت الحزمة</translation>
    </message>
    <message>
        <source>the model accepts no input at all; reinstall the package</source>
        <translation>لا يقبل النموذج أي مُدخل إطلاقًا؛ أعد تثبيت الحزمة</translation>
    </message>
    <message>
        <source>translation failed ({reason})</source>
        <translation>فشلت الترجمة ({reason})</translation>
    </message>
    <message>
        <source>Translation cancelled after {count} segment(s); the rest were not translated.</source>
        <translation>أُلغيت الترجمة بعد ترجمة مقاطع عددها {count}؛ لم يُترجم الباقي.</translation>
    </message>
    <message>
        <source>this is not a package index (invalid JSON: {reason})</source>
        <translation>هذا ليس فهرس حزم (JSON غير صالح: {reason})</translation>
    </message>
    <message>
        <source>this is not a package index (expected a list of packages)</source>
        <translation>هذا ليس فهرس حزم (المتوقع قائمة حزم)</translation>
    </message>
    <message>
        <source>the package index is implausibly large; check ARGOS_PACKAGE_INDEX</source>
        <translation>فهرس الحزم كبير على نحو غير معقول؛ تحقّق من ARGOS_PACKAGE_INDEX</translation>
    </message>
    <message>
        <source>the index took longer than {seconds:g} seconds to arrive</source>
        <translation>استغرق وصول الفهرس أكثر من {seconds:g} ثانية</translation>
    </message>
    <message>
        <source>model.bin ends in the middle of its header (the file is truncated)</source>
        <extracomment>Newest model.bin layout this reader understands (CTranslate2 4.x writes 6).</extracomment>
        <translation>ينتهي model.bin في منتصف ترويسته (الملف مبتور)</translation>
    </message>
    <message>
        <source>model.bin has an empty name in its header (the file is damaged)</source>
        <translation>في ترويسة model.bin اسم فارغ (الملف تالف)</translation>
    </message>
    <message>
        <source>model.bin has an unreadable name in its header (the file is damaged)</source>
        <translation>في ترويسة model.bin اسم تتعذّر قراءته (الملف تالف)</translation>
    </message>
    <message>
        <source>model.bin is not a CTranslate2 model (or needs a newer CTranslate2: format version {version})</source>
        <translation>ليس model.bin نموذج CTranslate2 (أو يحتاج إلى إصدار أحدث من CTranslate2: إصدار الصيغة {version})</translation>
    </message>
    <message>
        <source>model.bin variable {name} has rank {rank} (the file is damaged)</source>
        <translation>رتبة المتغير {name} في model.bin هي {rank} (الملف تالف)</translation>
    </message>
    <message>
        <source>model.bin variable {name} has unknown type {type}</source>
        <translation>نوع المتغير {name} في model.bin مجهول: {type}</translation>
    </message>
    <message>
        <source>model.bin is truncated inside variable {name}</source>
        <translation>ينقطع model.bin داخل المتغير {name}</translation>
    </message>
    <message>
        <source>model.bin holds no weights</source>
        <translation>لا أوزان في model.bin</translation>
    </message>
    <message>
        <source>Check the internet connection, or install a package from a .argosmodel file instead.</source>
        <translation>تحقّق من الاتصال بالإنترنت، أو ثبّت حزمة من ملف .argosmodel بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>the server answered HTTP {code} ({reason})</source>
        <translation>ردّ الخادم برمز HTTP ‏{code} ({reason})</translation>
    </message>
    <message>
        <source>no answer within {seconds:g} seconds. {hint}</source>
        <translation>لا رد خلال {seconds:g} ثانية. {hint}</translation>
    </message>
    <message>
        <source>the server&apos;s name cannot be resolved (no network?). {hint}</source>
        <translation>يتعذّر العثور على عنوان الخادم من اسمه (لا شبكة؟). {hint}</translation>
    </message>
    <message>
        <source>the connection was refused. {hint}</source>
        <translation>رُفض الاتصال. {hint}</translation>
    </message>
    <message>
        <source>the secure connection failed ({reason})</source>
        <translation>فشل الاتصال الآمن ({reason})</translation>
    </message>
    <message>
        <source>it cannot be reached ({reason}). {hint}</source>
        <translation>يتعذّر الوصول إليه ({reason}). {hint}</translation>
    </message>
    <message>
        <source>only http and https addresses can be downloaded</source>
        <translation>لا يمكن التنزيل إلا من عناوين http وhttps</translation>
    </message>
    <message>
        <source>not a translation package (metadata.json is missing)</source>
        <extracomment>How the pair Tarjama translates is named in lists, whatever a package&apos;s metadata calls its languages. Tokens put before and after every source (NLLB&apos;s ``arb_Arab`` and ``&lt;/s&gt;``; `tarjama.mt.source_framing`), metadata keys ``source_prefix``, ``source_suffix``; &quot;&quot; for none. Who made the package (&quot;Argos Translate&quot;, &quot;OPUS-MT&quot;, &quot;CTranslate2 folder&quot;), metadata key ``origin``. Its licence as its files state it (metadata key ``license``), &quot;&quot; when unknown. The SentencePiece models of its two sides when they differ, as OPUS-MT&apos;s ``source.spm`` and ``target.spm`` (metadata keys ``source_tokenizer``, ``target_tokenizer``: file names in the package); &quot;&quot; for an Argos one.</extracomment>
        <translation>ليس حزمة ترجمة (الملف metadata.json مفقود)</translation>
    </message>
    <message>
        <source>its metadata.json cannot be read ({reason})</source>
        <translation>تتعذّر قراءة ملف metadata.json فيه ({reason})</translation>
    </message>
    <message>
        <source>its metadata.json does not name the language pair</source>
        <translation>لا يذكر ملف metadata.json فيه زوج اللغتين</translation>
    </message>
    <message>
        <source>No {source}→{target} translation package is installed in {folder}. Install one from a .argosmodel file or download it from the package index.</source>
        <translation>لا حزمة ترجمة {source}→{target} مثبّتة في {folder}. ثبّت حزمة من ملف .argosmodel أو نزّلها من فهرس الحزم.</translation>
    </message>
    <message>
        <source>it translates {source}→{target}, but Tarjama uses only Arabic→English packages (from_code ar, to_code en); nothing was installed. Choose an Arabic→English package.</source>
        <translation>يترجم من {source} إلى {target}، لكن «ترجمة» لا يستخدم إلا حزم الترجمة من العربية إلى الإنجليزية (from_code ar وto_code en)؛ لم يُثبَّت شيء. اختر حزمة من العربية إلى الإنجليزية.</translation>
    </message>
    <message>
        <source>its model/ folder has no vocabulary file</source>
        <translation>لا ملف مفردات في مجلد model/ فيه</translation>
    </message>
    <message>
        <source>its sentencepiece.model cannot be loaded ({reason})</source>
        <translation>يتعذّر تحميل ملف sentencepiece.model فيه ({reason})</translation>
    </message>
    <message>
        <source>it translates {source}→{target}, not {expected_source}→{expected_target} as expected</source>
        <translation>يترجم {source}→{target} وليس {expected_source}→{expected_target} كما هو متوقع</translation>
    </message>
    <message>
        <source>version {version} is older than the installed {package} (version {installed}); remove that one first to downgrade</source>
        <translation>الإصدار {version} أقدم من الحزمة المثبّتة {package} (الإصدار {installed})؛ أزلها أولًا للرجوع إلى إصدار أقدم</translation>
    </message>
    <message>
        <source>{folder} already exists and is not a {source}→{target} package</source>
        <translation>{folder} موجود مسبقًا وليس حزمة {source}→{target}</translation>
    </message>
    <message>
        <source>its files do not say which languages it translates; nothing was installed. Choose an Arabic→English model (its README naming the languages, or a name like opus-mt-ar-en), or install it with: tarjama-cli models install --from ar --to en</source>
        <extracomment>Text kept beside the model so its licence and provenance can be shown. Codes of Arabic and its varieties as OPUS-MT (ISO 639-3) and NLLB (``arb_Arab``) write them.</extracomment>
        <translation>لا تذكر ملفاته اللغتين اللتين يترجم بينهما؛ لم يُثبَّت شيء. اختر نموذجًا من العربية إلى الإنجليزية (يسمّي ملف README فيه اللغتين، أو اسمه مثل opus-mt-ar-en)، أو ثبّته بالأمر: tarjama-cli models install --from ar --to en</translation>
    </message>
    <message>
        <source>its {name} is implausibly large</source>
        <translation>ملفه {name} كبير على نحو لا يُعقل</translation>
    </message>
    <message>
        <source>it names a file outside its folder ({name})</source>
        <translation>يشير إلى ملف خارج مجلده ({name})</translation>
    </message>
    <message>
        <source>{name} is missing</source>
        <translation>الملف {name} مفقود</translation>
    </message>
    <message>
        <source>its {name} cannot be loaded ({reason})</source>
        <translation>تعذّر تحميل ملفه {name} ({reason})</translation>
    </message>
    <message>
        <source>its decoder.yml cannot be read ({reason})</source>
        <translation>تعذّرت قراءة ملفه decoder.yml ‏({reason})</translation>
    </message>
    <message>
        <source>its decoder.yml names no model or no vocabulary</source>
        <translation>لا يسمّي ملفه decoder.yml نموذجًا أو مفردات</translation>
    </message>
    <message>
        <source>its Marian model cannot be converted ({reason}); is it a complete OPUS-MT release?</source>
        <translation>تعذّر تحويل نموذج Marian فيه ({reason})؛ هل هو إصدار OPUS-MT كامل؟</translation>
    </message>
    <message>
        <source>cannot write beside the packages folder {folder}: {reason}</source>
        <translation>تتعذّر الكتابة بجوار مجلد الحزم {folder}: {reason}</translation>
    </message>
    <message>
        <source>could not install it into {folder}: {reason}</source>
        <translation>تعذّر تثبيته في {folder}: {reason}</translation>
    </message>
    <message>
        <source>No installed package is called {name} (installed: {installed}).</source>
        <translation>لا حزمة مثبّتة باسم {name} (المثبّتة: {installed}).</translation>
    </message>
    <message>
        <source>could not remove it: {reason}</source>
        <translation>تعذّرت إزالته: {reason}</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>الترجمة</translation>
    </message>
    <message>
        <source>Tarjama glossary</source>
        <translation>مسرد «ترجمة»</translation>
    </message>
    <message>
        <source>the Arabic term is empty</source>
        <extracomment>Its words with their probabilities (empty when word scores are off or the suggestion came from a file). The raw confidence features it was calibrated from, as JSON (`tarjama.mt.confidence_features`), kept with the segment so the calibration can be re-fitted on what the translator approved; None when unknown. The file&apos;s notes on the segment (XLIFF `&lt;note&gt;`), shown to the translator and written back untouched. Earlier translations the file offers (XLIFF 1.2 `&lt;alt-trans&gt;`), shown as suggestions. Each paragraph&apos;s inline tags (`tarjama.inline_tags`), by position; empty for a format without tags. Where each paragraph is in the original file, in the format&apos;s own words (a .docx part and paragraph), so the translation can be written back into a copy of that file; empty for a format that writes anew. The file as read, kept in the project for a format that rebuilds the translation from it (.docx). What the translator should know about how the file was read (tracked changes accepted, comments left out). For a file that is segmented already (XLIFF), each paragraph&apos;s own segments, by position (None: segment this paragraph as any text); empty when no paragraph is. A paragraph&apos;s text is then its sources joined. The engine&apos;s confidence in the current target, while that target is machine output. The raw machine translation the target began from; kept after editing (post-editing metrics need it). The words of `mt_text` with the model&apos;s probability for each (offsets in `mt_text`), and the raw features its confidence was calibrated from (JSON, read only when re-fitting: not compared, not parsed on reading). The translation-memory match the target began from: its score in percent and its target text, kept after editing (post-editing metrics compare against it). Seconds the translator actively spent editing this segment, idle breaks left out (see `tarjama.project.effort`). Where the segment is in its original file when the file segmented it (see `ImportedSegment.locator`). The original file&apos;s note on the segment (XLIFF `&lt;note&gt;`). The inline tags of the segment&apos;s paragraph, whose marks the source (and target) hold. The document (file) of the project the segment is in; its paragraph says it, so it is not compared. The comments on the segment still standing, oldest first (`tarjama.project.comments`); not compared, like the tags: they are no part of its translation. The normalised sources of the neighbouring segments when the unit was approved (see `tarjama.memory.link.segment_context`); empty when unknown, e.g. for imported units. Gives 101 % matches. The inline tags whose marks `source` and `target` hold (one table for both: a tag keeps its number on either side); empty for a plain unit. Matching never sees them (it compares the normalised, mark-free text).</extracomment>
        <translation>المصطلح العربي فارغ</translation>
    </message>
    <message>
        <source>the Arabic term «{term}» has no Arabic letter (are the columns swapped?)</source>
        <translation>لا حرف عربيًّا في المصطلح العربي «{term}» (هل الأعمدة مُبدَّلة؟)</translation>
    </message>
    <message>
        <source>there is no English term for «{term}»</source>
        <translation>لا مصطلح إنجليزيًّا لـ«{term}»</translation>
    </message>
    <message>
        <source>already exists; open it, or choose another name for the new glossary.</source>
        <translation>موجود مسبقًا؛ افتحه أو اختر اسمًا آخر للمسرد الجديد.</translation>
    </message>
    <message>
        <source>already has an entry for «{term}»; change that entry instead of adding it again.</source>
        <translation>فيه مُدخل لـ«{term}» مسبقًا؛ عدّل ذلك المُدخل بدلًا من إضافته مرة أخرى.</translation>
    </message>
    <message>
        <source>has no entry {entry} (it may have been removed meanwhile).</source>
        <translation>لا مُدخل فيه برقم {entry} (ربما حُذف في الأثناء).</translation>
    </message>
    <message>
        <source>cannot take this entry: {problem}.</source>
        <translation>لا يقبل هذا المُدخل: {problem}.</translation>
    </message>
    <message>
        <source>A segment can only be split between two non-empty parts of its source text.</source>
        <translation>لا يُقسَم المقطع إلا بين جزأين غير فارغين من نص مصدره.</translation>
    </message>
    <message>
        <source>Tarjama project</source>
        <translation>مشروع «ترجمة»</translation>
    </message>
    <message>
        <source>is missing, so approved segments are not being saved to a translation memory. Link the project to a translation memory again.</source>
        <extracomment>A segment and its neighbours in its paragraph, in order: the rows a unit and its context are made from. The source and target of a project&apos;s approved unit of a segment, normalised: its `_unit_key` as it was written. The project&apos;s other approved units with a given `_unit_key` (the memory&apos;s source key index finds them). `normalise_for_matching`, remembered: catching up compares many sources and targets that do not change. Written into the units the project adds to its memory; read at each write, so a change applies at once. Segments whose units are still to be written to the memory, in the order they changed. Why the memory could not be opened (missing, newer, not a memory). Why the last write to the memory failed (busy, full, ...), while `behind`.</extracomment>
        <translation>مفقود، لذا لا تُحفظ المقاطع المعتمدة في ذاكرة ترجمة. اربط المشروع بذاكرة ترجمة من جديد.</translation>
    </message>
    <message>
        <source>already exists; open it, or choose another name for the new project.</source>
        <extracomment>Statuses and origins that machine translation may fill in; anything a person touched is never overwritten. Why the project may only be read (a read-only file, folder or disk), or None: every change is refused with this error before anything is written, and the window says so and offers no editing. Written into the units this project adds to its translation memory. How long a change waits for another program&apos;s write to the memory before leaving its units for later (`catch_up_memory`): the window never waits on its UI thread; the CLI waits a little. The translation memory this project writes its approved segments to, and what waits for it.</extracomment>
        <translation>موجود مسبقًا؛ افتحه أو اختر اسمًا آخر للمشروع الجديد.</translation>
    </message>
    <message>
        <source>has a translation memory but no project id; link the memory again.</source>
        <translation>له ذاكرة ترجمة لكن بلا مُعرِّف مشروع؛ اربط الذاكرة من جديد.</translation>
    </message>
    <message>
        <source>could not be written ({reason}); approved segments are saved in the project and go into the memory when it can be written.</source>
        <translation>تعذّرت الكتابة فيه ({reason})؛ المقاطع المعتمدة محفوظة في المشروع وتُضاف إلى الذاكرة حين تصبح الكتابة فيها ممكنة.</translation>
    </message>
    <message>
        <source>Segment {segment} does not exist in {file}.</source>
        <translation>المقطع {segment} غير موجود في {file}.</translation>
    </message>
    <message>
        <source>Segment {segment} in {file} was changed by another program since it was read, so this change was not saved. Look at the segment again and repeat the change if it is still wanted.</source>
        <translation>غيّر برنامج آخر المقطع {segment} في {file} بعد قراءته، فلم يُحفظ هذا التغيير. راجع المقطع من جديد وكرّر التغيير إن كنت لا تزال تريده.</translation>
    </message>
    <message>
        <source>This is the last segment of its paragraph: there is no next segment to merge.</source>
        <translation>هذا آخر مقطع في فقرته: لا يوجد مقطع تالٍ لدمجه.</translation>
    </message>
    <message>
        <source>is read-only ({reason}), so nothing was changed. To change it, copy it to a folder you may write in and open the copy.</source>
        <extracomment>The size of the shared-memory file (-shm) SQLite keeps beside a database in WAL mode; it must be created (or grown) before the first page is read, so a disk with less free than this cannot even open a store. What a new store is published with room for: its -shm, and the few pages of WAL its first changes write (the import remembering its document and linking the memory). A build that would leave less is not published. A new project file, measured (bench/store_room.py): about three bytes per byte of text (segments, history and indexes) and 64 KB of tables; while it is built the WAL holds as much again before it is checkpointed.</extracomment>
        <translation>للقراءة فقط ({reason})، فلم يتغيّر شيء. لتغييره انسخه إلى مجلد لك إذن الكتابة فيه وافتح النسخة.</translation>
    </message>
    <message>
        <source>you may not write in its folder, where SQLite keeps its working files beside it</source>
        <translation>ليس لك إذن الكتابة في مجلده، حيث يحفظ SQLite ملفات عمله بجانبه</translation>
    </message>
    <message>
        <source>it is on a disk or share that is read-only</source>
        <translation>هو على قرص أو مجلد مشترك للقراءة فقط</translation>
    </message>
    <message>
        <source>you may not change this file</source>
        <translation>ليس لك إذن تغيير هذا الملف</translation>
    </message>
    <message>
        <source>could not be saved: the disk is full ({free} free; SQLite needs about {needed} there to save changes). Nothing was changed; free some space on that disk and try again.</source>
        <translation>تعذّر الحفظ: القرص ممتلئ (المساحة الحرة {free}؛ ويحتاج SQLite إلى نحو {needed} هناك لحفظ التغييرات). لم يتغيّر شيء؛ حرّر بعض المساحة على ذلك القرص وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>could not be saved: it cannot grow any larger ({free} free on its disk, which may not allow bigger files). Nothing was changed.</source>
        <translation>تعذّر الحفظ: لا يمكن أن يكبر أكثر (المساحة الحرة على قرصه {free}، وقد لا يسمح القرص بملفات أكبر). لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>could not be created: it cannot grow as large as it must ({free} free on its disk, which may not allow files that big; about {needed} is needed). Nothing was made.</source>
        <translation>تعذّر إنشاؤه: لا يمكن أن يكبر بالقدر اللازم (المساحة الحرة على قرصه {free}، وقد لا يسمح القرص بملفات بهذا الحجم؛ ويلزم نحو {needed}). لم يُنشأ شيء.</translation>
    </message>
    <message>
        <source>cannot be opened: the disk is full ({free} free; SQLite needs about {needed} beside the file for its working files). Free some space on that disk and try again.</source>
        <translation>يتعذّر فتحه: القرص ممتلئ (المساحة الحرة {free}؛ ويحتاج SQLite إلى نحو {needed} بجانب الملف لملفات عمله). حرّر بعض المساحة على ذلك القرص وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>could not be created: the disk is full ({free} free; about {needed} is needed). Nothing was made; free some space on that disk, or choose another folder, and try again.</source>
        <translation>تعذّر إنشاؤه: القرص ممتلئ (المساحة الحرة {free}؛ ويلزم نحو {needed}). لم يُنشأ شيء؛ حرّر بعض المساحة على ذلك القرص أو اختر مجلدًا آخر، وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>cannot be created: {reason}, so nothing was made. Choose a folder you may write in.</source>
        <translation>يتعذّر إنشاؤه: {reason}، فلم يُنشأ شيء. اختر مجلدًا لك إذن الكتابة فيه.</translation>
    </message>
    <message>
        <source>could not be read or written ({reason}). Nothing was changed; check that its disk is still connected and working, and try again.</source>
        <translation>تعذّرت قراءته أو الكتابة فيه ({reason}). لم يتغيّر شيء؛ تحقّق من أن قرصه لا يزال موصولًا ويعمل، وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>cannot be opened: {reason}.</source>
        <translation>يتعذّر فتحه: {reason}.</translation>
    </message>
    <message>
        <source>SQLite cannot create or use its working files (-shm, -wal) beside it ({error})</source>
        <translation>لا يستطيع SQLite إنشاء ملفات عمله (-shm و-wal) بجانبه أو استخدامها ({error})</translation>
    </message>
    <message>
        <source>the system could not read it or make its working files beside it ({error}); check that its disk is still connected and working</source>
        <translation>لم يستطع النظام قراءته أو إنشاء ملفات عمله بجانبه ({error})؛ تحقّق من أن قرصه لا يزال موصولًا ويعمل</translation>
    </message>
    <message>
        <source>is damaged ({reason}), so Tarjama cannot read it; the file was not changed. Open a backup copy of it instead.</source>
        <translation>تالف ({reason})، فلا يستطيع «ترجمة» قراءته؛ لم يتغيّر الملف. افتح نسخة احتياطية منه بدلًا منه.</translation>
    </message>
    <message>
        <source>is not a {kind} (it is not an SQLite database).</source>
        <translation>ليس {kind} (ليس قاعدة بيانات SQLite).</translation>
    </message>
    <message>
        <source>you may not write in the folder {folder}</source>
        <extracomment>Where a store was when SQLite failed: the messages differ (nothing opened, nothing made, nothing changed).</extracomment>
        <translation>ليس لك إذن الكتابة في المجلد {folder}</translation>
    </message>
    <message>
        <source>does not exist.</source>
        <extracomment>What the file is, in a message (&quot;is not a Tarjama project&quot;); marked for translation where it is given.</extracomment>
        <translation>غير موجود.</translation>
    </message>
    <message>
        <source>is not a file, so it cannot be a {kind}.</source>
        <translation>ليس ملفًا، فلا يمكن أن يكون {kind}.</translation>
    </message>
    <message>
        <source>is an SQLite database but not a {kind}.</source>
        <translation>قاعدة بيانات SQLite لكنه ليس {kind}.</translation>
    </message>
    <message>
        <source>was saved by a newer version of Tarjama (format {version}; this version reads up to {supported}). Update Tarjama to open it; the file was not changed.</source>
        <translation>حُفظ بإصدار أحدث من «ترجمة» (الصيغة {version}؛ هذا الإصدار يقرأ حتى الصيغة {supported}). حدّث «ترجمة» لفتحه؛ لم يُغيَّر الملف.</translation>
    </message>
    <message>
        <source>is read-only ({reason}) and was saved by an older version of Tarjama, which has to update it before it can be opened; nothing was changed. Copy it to a folder you may write in and open the copy.</source>
        <translation>للقراءة فقط ({reason}) وقد حُفظ بإصدار أقدم من «ترجمة» يجب تحديثه قبل أن يُفتح؛ لم يتغيّر شيء. انسخه إلى مجلد لك إذن الكتابة فيه وافتح النسخة.</translation>
    </message>
    <message>
        <source>holds no Arabic→English translation unit (languages found: {languages}); nothing was imported.</source>
        <extracomment>Seconds each chunk of a concordance build waits for another program&apos;s write before giving up (approvals take milliseconds; another import holds the memory for minutes, and the build is resumed after it).</extracomment>
        <translation>لا يحتوي على أي وحدة ترجمة من العربية إلى الإنجليزية (اللغات الموجودة: {languages})؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>the export was cancelled; the file was not written or changed.</source>
        <translation>أُلغي التصدير؛ لم يُكتب الملف ولم يتغيّر.</translation>
    </message>
    <message>
        <source>exported memory</source>
        <translation>الذاكرة المُصدَّرة</translation>
    </message>
    <message>
        <source>is a folder, not a TMX file; choose a file inside it</source>
        <translation>مجلد وليس ملف TMX؛ اختر ملفًا بداخله</translation>
    </message>
    <message>
        <source>contains a DOCTYPE with entity declarations, which Tarjama refuses for safety (they can make a file pull in other files or reach the network); export the memory again from the tool that made it as plain TMX</source>
        <translation>يحتوي على DOCTYPE فيه تعريفات كيانات، وترفضها «ترجمة» حفاظًا على الأمان (إذ قد تجعل الملف يجلب ملفات أخرى أو يتصل بالشبكة)؛ صدّر الذاكرة من جديد بصيغة TMX عادية من الأداة التي أنشأتها</translation>
    </message>
    <message>
        <source>is not a TMX file (its XML is &lt;{name}&gt;, not &lt;tmx&gt;); export the translation memory from the other tool as TMX</source>
        <translation>ليس ملف TMX (عنصره الجذر &lt;{name}&gt; وليس &lt;tmx&gt;)؛ صدّر ذاكرة الترجمة من الأداة الأخرى بصيغة TMX</translation>
    </message>
    <message>
        <source>Tarjama translation memory</source>
        <extracomment>A feature in at most this many units is rare: a lookup reads its postings whole (a probe reads one more, to tell), while the more common ones are listed in `common_features` so that a lookup need not probe them. Exact matches and duplicates are found by the key of the normalised source. An import into an empty memory, which finds its duplicates without it, builds it after the load (sorting once costs less than inserting row by row).</extracomment>
        <translation>ذاكرة ترجمة «ترجمة»</translation>
    </message>
    <message>
        <source>is busy: another program is writing to it (importing a TMX file, perhaps).</source>
        <translation>مشغول: برنامج آخر يكتب فيه (ربما يستورد ملف TMX).</translation>
    </message>
    <message>
        <source>The import was cancelled; the translation memory was not changed.</source>
        <translation>أُلغي الاستيراد؛ لم تتغيّر ذاكرة الترجمة.</translation>
    </message>
    <message>
        <source>already exists; open it, or choose another name for the new translation memory.</source>
        <extracomment>A unit as the columns of `units` hold it, for the SQL statements&apos; named parameters. The same insert with positional parameters, for a bulk import: binding a dict by name costs 3.4 µs more a row. The id of the first unit this load adds: the ones it adds are those from here to the last. A project&apos;s unit: inserted, or updated in place (keeping its creation time and usage count) when the segment is approved again.</extracomment>
        <translation>موجود مسبقًا؛ افتحه أو اختر اسمًا آخر لذاكرة الترجمة الجديدة.</translation>
    </message>
    <message>
        <source>is a {kind}; an export never replaces it, so nothing was written. Choose another file name.</source>
        <extracomment>The first 16 bytes of every SQLite database file. Where SQLite keeps `PRAGMA application_id` in the file&apos;s header (4 bytes, big-endian). The meta key under which a project keeps the absolute path a document was imported from. The files SQLite keeps beside a database while it is in use (WAL and shared memory) or mid-transaction.</extracomment>
        <translation>هو {kind}؛ لا يحلّ أي تصدير محلّه أبدًا، فلم يُكتب شيء. اختر اسم ملف آخر.</translation>
    </message>
    <message>
        <source>is a working file of the {kind} {store}; an export never replaces it, so nothing was written. Choose another file name.</source>
        <translation>ملف عمل لـ{kind} {store}؛ لا يحلّ أي تصدير محلّه أبدًا، فلم يُكتب شيء. اختر اسم ملف آخر.</translation>
    </message>
    <message>
        <source>is the source document of {project}; an export never replaces it, so nothing was written. Choose another file name.</source>
        <translation>هو المستند المصدر للمشروع {project}؛ لا يحلّ أي تصدير محلّه أبدًا، فلم يُكتب شيء. اختر اسم ملف آخر.</translation>
    </message>
    <message>
        <source>already exists, so nothing was written. Add --force to replace it, or choose another file name.</source>
        <translation>موجود من قبل، فلم يُكتب شيء. أضف --force لاستبداله، أو اختر اسم ملف آخر.</translation>
    </message>
    <message>
        <source>QA found errors in segment {segment} of {file}, so it was not approved and nothing was saved. Correct the translation, or approve it anyway.</source>
        <extracomment>The segment as the approval would save it: the new target, approved. Every finding on it that was not set aside: what the window&apos;s QA pane lists for the segment. Those of the findings that refuse the approval until the translator approves anyway.</extracomment>
        <translation>وجد فحص الجودة أخطاء في المقطع {segment} من {file}، فلم يُعتمد ولم يُحفظ شيء. صحّح الترجمة أو اعتمدها على أي حال.</translation>
    </message>
    <message>
        <source>has no text to translate: every unit is empty or marked not to be translated</source>
        <extracomment>2.0 and 2.1 share the 2.0 namespace; 2.2 has its own. The `subState` Tarjama writes on a machine translation, and the values (after a tool&apos;s prefix) it reads as one.</extracomment>
        <translation>لا نص فيه للترجمة: كل وحداته فارغة أو موسومة بألا تُترجم</translation>
    </message>
    <message>
        <source>has a translation unit without an id (line {line}); export the job again from the tool that made it</source>
        <extracomment>Trados confirmation levels (`sdl:seg conf`). memoQ row statuses (`mq:status`). XLIFF 1.2 `state` for each status Tarjama writes.</extracomment>
        <translation>فيه وحدة ترجمة بلا معرّف (السطر {line})؛ صدّر المهمة من جديد من الأداة التي أنشأتها</translation>
    </message>
    <message>
        <source>has two translation units with the id &quot;{id}&quot; (line {line}); the file is damaged or was edited by hand — export it again</source>
        <translation>فيه وحدتا ترجمة بالمعرّف &quot;{id}&quot; (السطر {line})؛ الملف تالف أو عُدّل يدويًا — صدّره من جديد</translation>
    </message>
    <message>
        <source>has a translation unit without a source (id &quot;{id}&quot;, line {line}); export the job again from the tool that made it</source>
        <translation>فيه وحدة ترجمة بلا نص مصدر (المعرّف &quot;{id}&quot;، السطر {line})؛ صدّر المهمة من جديد من الأداة التي أنشأتها</translation>
    </message>
    <message>
        <source>is not an XLIFF 1.2 job (it has no &lt;file&gt; of XLIFF 1.2); export it again from the tool that made it as XLIFF 1.2</source>
        <translation>ليس مهمة XLIFF 1.2 (لا عنصر &lt;file&gt; فيه من XLIFF 1.2)؛ صدّره من جديد بصيغة XLIFF 1.2 من الأداة التي أنشأته</translation>
    </message>
    <message>
        <source>is XLIFF of version {version}, which Tarjama does not read; export the job as XLIFF 1.2 or 2.0</source>
        <translation>ملف XLIFF من الإصدار {version}، الذي لا يقرؤه «ترجمة»؛ صدّر المهمة بصيغة XLIFF 1.2 أو 2.0</translation>
    </message>
    <message>
        <source>cannot be written as XLIFF: a translation goes back into the XLIFF file it came from only; export this project as .txt or .docx</source>
        <translation>لا يمكن كتابته بصيغة XLIFF: لا تعود الترجمة إلا إلى ملف XLIFF الذي جاءت منه؛ صدّر هذا المشروع بصيغة ‎.txt أو ‎.docx</translation>
    </message>
    <message>
        <source>{problem}; the XLIFF file is damaged — export it again from the tool that made it</source>
        <translation>{problem}؛ ملف XLIFF تالف — صدّره من جديد من الأداة التي أنشأته</translation>
    </message>
    <message>
        <source>has two &lt;file&gt; elements with the id “{file}”</source>
        <translation>فيه عنصرا &lt;file&gt; بالمعرّف «{file}»</translation>
    </message>
    <message>
        <source>has a unit without an id in file “{file}”</source>
        <translation>فيه وحدة بلا معرّف في الملف «{file}»</translation>
    </message>
    <message>
        <source>has two units with the id “{unit}” in file “{file}”</source>
        <translation>فيه وحدتان بالمعرّف «{unit}» في الملف «{file}»</translation>
    </message>
    <message>
        <source>has a unit “{unit}” with no segment</source>
        <translation>فيه وحدة «{unit}» بلا مقطع</translation>
    </message>
    <message>
        <source>has more than {limit} inline codes in unit “{unit}”</source>
        <translation>فيه أكثر من {limit} رمزًا مضمّنًا في الوحدة «{unit}»</translation>
    </message>
    <message>
        <source>has a segment without a source in unit “{unit}”</source>
        <translation>فيه مقطع بلا نص مصدر في الوحدة «{unit}»</translation>
    </message>
    <message>
        <source>is a folder, not an XLIFF file; choose a file inside it</source>
        <extracomment>The most an XLIFF file may hold. A 50,000-unit job is some tens of megabytes; its parsed tree a few times that.</extracomment>
        <translation>مجلد وليس ملف XLIFF؛ اختر ملفًا داخله</translation>
    </message>
    <message>
        <source>contains a DOCTYPE with entity declarations, which Tarjama refuses for safety (they can make a file pull in other files or reach the network); export the job again from the tool that made it as plain XLIFF</source>
        <translation>فيه تعريف DOCTYPE بكيانات، يرفضه «ترجمة» حفاظًا على الأمان (فهي قد تجعل الملف يجلب ملفات أخرى أو يتصل بالشبكة)؛ صدّر المهمة من جديد بصيغة XLIFF عادية من الأداة التي أنشأتها</translation>
    </message>
    <message>
        <source>is not an XLIFF file (its XML is &lt;{name}&gt;, not &lt;xliff&gt;); export the job from the other tool as XLIFF</source>
        <translation>ليس ملف XLIFF (عنصره الجذر &lt;{name}&gt; لا &lt;xliff&gt;)؛ صدّر المهمة من الأداة الأخرى بصيغة XLIFF</translation>
    </message>
    <message>
        <source>is a job from {source} into {target}; Tarjama translates Arabic (ar) into English (en) only — ask for the Arabic → English file</source>
        <translation>مهمة من {source} إلى {target}؛ «ترجمة» لا يترجم إلا من العربية (ar) إلى الإنجليزية (en) — اطلب ملف العربية ← الإنجليزية</translation>
    </message>
    <message>
        <source>has no document {document} (it may have been removed already); list its documents to see their numbers.</source>
        <extracomment>A document&apos;s segments, through their paragraphs.</extracomment>
        <translation>لا مستند فيه برقم {document} (ربما أُزيل من قبل)؛ اعرض مستنداته لترى أرقامها.</translation>
    </message>
    <message>
        <source>needs the comment&apos;s text, or --delete with a comment&apos;s id.</source>
        <extracomment>How long an approval waits for another program&apos;s write to the memory (a TMX import holds it for as long as it runs) before the CLI gives up on writing the unit now. The approval is saved in the project either way.</extracomment>
        <translation>يحتاج إلى نص التعليق، أو ‎--delete‎ مع معرّف تعليق.</translation>
    </message>
    <message>
        <source>a unit&apos;s target cannot be empty; delete the unit instead.</source>
        <extracomment>How many log rows `history` returns at most unless told otherwise. An edit undone: the target put back. A deletion undone: the same unit back, under its id when that is still free.</extracomment>
        <translation>لا يمكن أن تكون ترجمة الوحدة فارغة؛ احذف الوحدة بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>the new target of unit {id} has the tag {tag}, which its source does not have (or has it twice); keep only the source&apos;s tags, each once.</source>
        <translation>في الترجمة الجديدة للوحدة {id} الوسم {tag}، وليس في نصها المصدر (أو ورد مرتين)؛ أبقِ وسوم المصدر وحدها، كلًّا مرة واحدة.</translation>
    </message>
    <message>
        <source>unit {id} cannot be restored: its project has approved that segment again since, and the memory holds that newer unit.</source>
        <translation>لا يمكن استعادة الوحدة {id}: اعتمد مشروعها ذلك المقطع مجددًا منذ ذلك الحين، وفي الذاكرة تلك الوحدة الأحدث.</translation>
    </message>
    <message>
        <source>has no unit {id} (deleted since, perhaps); search the memory again.</source>
        <translation>لا يحوي الوحدة {id} (ربما حُذفت منذ ذلك الحين)؛ ابحث في الذاكرة مجددًا.</translation>
    </message>
    <message>
        <source>unit {id} was changed elsewhere since (its target is now “{target}”); nothing was written. Search again and edit it as it is now.</source>
        <translation>غُيّرت الوحدة {id} في مكان آخر منذ ذلك الحين (ترجمتها الآن «{target}»)؛ لم يُكتب شيء. ابحث مجددًا وعدّلها كما هي الآن.</translation>
    </message>
    <message>
        <source>The analysis was cancelled.</source>
        <extracomment>Segments looked up between two questions to `cancel` and two reports to `on_progress`. A weight per band, in percent of a word with no match (0: no work at all, 100: translated from scratch). How a segment that is both a repetition and a 100/101 % match was counted (see the module docstring). The memory the segments were looked up in; None: none, so every segment is a repetition or no match.</extracomment>
        <translation>أُلغي التحليل.</translation>
    </message>
    <message>
        <source>is missing, so the project cannot be analysed against it. Link the project to its translation memory again, or name another one.</source>
        <translation>مفقودة، فلا يمكن تحليل المشروع مقابلها. اربط المشروع بذاكرة ترجمته مجددًا، أو سمِّ ذاكرة أخرى.</translation>
    </message>
    <message>
        <source>analysis</source>
        <extracomment>The rows&apos; English names, as memoQ and Trados print them; the window shows them translated (a test keeps its marked copy equal to this one). What the total&apos;s &quot;file&quot; is called in a CSV file.</extracomment>
        <translation>التحليل</translation>
    </message>
    <message>
        <source>A comment needs some text; nothing was saved.</source>
        <translation>يحتاج التعليق إلى نص؛ لم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>Comment {comment} is not in {file}, or was deleted already; nothing was changed.</source>
        <translation>التعليق {comment} ليس في {file}، أو حُذف من قبل؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>dictionary</source>
        <translation>القاموس</translation>
    </message>
    <message>
        <source>confidence calibration</source>
        <extracomment>English has about 1.3 words per Arabic word (Arabic writes articles, prepositions and pronouns into the word); a ratio within a factor exp(LENGTH_TOLERANCE) (about 1.5) of it is no sign of a lost or repeated clause. What each weight multiplies, in the order of `design`&apos;s columns. Prior precision of each weight in `fit`: the intercept is free to move (how often a translator edits varies most), the others are held near their defaults until the data insist.</extracomment>
        <translation>معايرة الثقة</translation>
    </message>
    <message>
        <source>model.bin: {reason}</source>
        <translation>الملف model.bin: ‏{reason}</translation>
    </message>
    <message>
        <source>it has no vocabulary file (shared_vocabulary.json or .txt, or source_ and target_vocabulary)</source>
        <translation>ليس فيه ملف مفردات (shared_vocabulary.json أو ‎.txt، أو source_vocabulary وtarget_vocabulary)</translation>
    </message>
    <message>
        <source>it has no tokenizer (source.spm and target.spm, or sentencepiece.model)</source>
        <translation>ليس فيه مُجزِّئ (source.spm وtarget.spm، أو sentencepiece.model)</translation>
    </message>
    <message>
        <source>not a translation model: a folder must hold an OPUS-MT release (decoder.yml) or a CTranslate2 model (model.bin)</source>
        <translation>ليس نموذج ترجمة: يجب أن يحوي المجلد إصدار OPUS-MT ‏(decoder.yml) أو نموذج CTranslate2 ‏(model.bin)</translation>
    </message>
    <message>
        <source>it is larger than any translation model; refusing to install it</source>
        <translation>حجمه أكبر من أي نموذج ترجمة؛ رُفض تثبيته</translation>
    </message>
    <message>
        <source>The machine translation model {chosen} chosen for this project is no longer installed; {model} is used instead.</source>
        <extracomment>The project meta key holding the chosen package&apos;s name (&quot;&quot; or absent: the default). Where a package came from when its metadata does not say: only Argos packages were installed before it did. Files of a package that may state its licence, read in this order (top level only, never ``stanza/``). Licence files are short; a README that is not is read only this far. Licence names recognised in free text, as the short identifiers a list shows.</extracomment>
        <translation>نموذج الترجمة الآلية {chosen} المختار لهذا المشروع لم يعد مثبّتًا؛ يُستخدم {model} بدلًا منه.</translation>
    </message>
    <message>
        <source>No installed Arabic→English model is called {name}. Installed models: {installed}.</source>
        <translation>لا يوجد نموذج مثبّت من العربية إلى الإنجليزية اسمه {name}. النماذج المثبّتة: {installed}.</translation>
    </message>
    <message>
        <source>{bleu} BLEU ({benchmark})</source>
        <extracomment>The only package version the figures hold for (&quot;&quot; for any: OPUS-MT names change with each release). Not a model Tarjama runs: the online engine the offline ones are measured against.</extracomment>
        <translation>{bleu} BLEU ‏({benchmark})</translation>
    </message>
    <message>
        <source>{bleu} BLEU, {comet} COMET ({benchmark})</source>
        <translation>{bleu} BLEU، {comet} COMET ‏({benchmark})</translation>
    </message>
    <message>
        <source>Published Arabic→English scores (higher is better). On {flores_200}, in Mozilla&apos;s evaluation (mozilla/firefox-translations-models, evaluation/ar-en): Argos translate-ar_en 1.0 {argos_bleu} BLEU / {argos_comet} COMET, OPUS-MT opus-mt-ar-en {opus_bleu} BLEU / {opus_comet} COMET, and Google Translate {google_bleu} BLEU for reference. opus-mt-tc-big-ar-en reports {big_bleu} BLEU on {flores_101} (its model card, CC-BY-4.0).</source>
        <translation>الدرجات المنشورة للترجمة من العربية إلى الإنجليزية (الأعلى أفضل). على {flores_200}، في تقييم Mozilla ‏(mozilla/firefox-translations-models، evaluation/ar-en): Argos translate-ar_en 1.0 ‏{argos_bleu} BLEU / {argos_comet} COMET، وOPUS-MT opus-mt-ar-en ‏{opus_bleu} BLEU / {opus_comet} COMET، وGoogle Translate ‏{google_bleu} BLEU للمقارنة. ويذكر opus-mt-tc-big-ar-en ‏{big_bleu} BLEU على {flores_101} (بطاقة النموذج، CC-BY-4.0).</translation>
    </message>
    <message>
        <source>tm edit, delete and history work on a memory file, not on a team memory ({url}): a team memory&apos;s units are corrected on its server.</source>
        <extracomment>How long a change of a unit waits for another program&apos;s write to the memory (a TMX import) before giving up.</extracomment>
        <translation>تعمل أوامر tm edit وdelete وhistory على ملف ذاكرة، لا على ذاكرة فريق ({url}): تُصحَّح وحدات ذاكرة الفريق على خادمها.</translation>
    </message>
    <message>
        <source>No password was given for {login}; type it when asked, or give it on the standard input.</source>
        <translation>لم تُعطَ كلمة مرور لـ {login}؛ اكتبها عند طلبها، أو أعطها على الدخل القياسي.</translation>
    </message>
    <message>
        <source>{url} is not a team memory address; write it as postgresql://host/database or service=NAME.</source>
        <extracomment>The project meta key holding the team memory&apos;s address (never a password). Seconds a connection attempt may take before the server counts as unreachable.
----------
Shown in the server&apos;s list of sessions (pg_stat_activity), so an administrator can tell Tarjama&apos;s connections.</extracomment>
        <translation>{url} ليس عنوان ذاكرة فريق؛ اكتبه على صورة postgresql://host/database أو service=NAME.</translation>
    </message>
    <message>
        <source>The address of the team memory on {server} holds a password, which a project never keeps: remove it from the address and put it in your password file (PGPASSFILE or ~/.pgpass) instead.</source>
        <translation>عنوان ذاكرة الفريق على {server} يحوي كلمة مرور، والمشروع لا يحفظ كلمات المرور أبدًا: احذفها من العنوان وضعها في ملف كلمات المرور (PGPASSFILE أو ‎~/.pgpass) بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>{path} is not linked to a team memory; link it with: tarjama-cli tm link PROJECT ADDRESS</source>
        <translation>{path} غير مربوط بذاكرة فريق؛ اربطه بالأمر: tarjama-cli tm link PROJECT ADDRESS</translation>
    </message>
    <message>
        <source>the server asks for a password, and none is kept for this login; keep it in the system keyring (Connect to team memory…, or tarjama-cli tm password ADDRESS) or in your password file (PGPASSFILE or ~/.pgpass).</source>
        <extracomment>An import that has read this many units, and more than the memory held, drops the search indexes and builds them again at the end: several times faster than keeping them up to date, and at most about as long again. The planner knows the units as they were before an import (a writer may not ANALYZE them): were it to think them few, each chunk&apos;s merge would scan them all. An import&apos;s statements go by index. How long a write waits for another&apos;s (an import holds the write lock until it commits), in milliseconds. Who last changed the unit in a TM editor (the server&apos;s `tarjama_unit_log`), if anyone did: the unit keeps its author, who made it.</extracomment>
        <translation>يطلب الخادم كلمة مرور، ولا توجد كلمة محفوظة لهذا الدخول؛ احفظها في حافظة كلمات مرور النظام (الاتصال بذاكرة الفريق…، أو tarjama-cli tm password ADDRESS) أو في ملف كلمات المرور (PGPASSFILE أو ~/.pgpass).</translation>
    </message>
    <message>
        <source>the server refused the login ({reason}); check the password in the system keyring or in your password file (PGPASSFILE or ~/.pgpass) and the user name in the address.</source>
        <translation>رفض الخادم الدخول ({reason})؛ تحقّق من كلمة المرور في حافظة كلمات مرور النظام أو في ملف كلمات المرور (PGPASSFILE أو ~/.pgpass) ومن اسم المستخدم في العنوان.</translation>
    </message>
    <message>
        <source>cannot connect to the team memory ({reason}); check the address and that the server is running and reachable.</source>
        <translation>تعذّر الاتصال بذاكرة الفريق ({reason})؛ تحقّق من العنوان ومن أن الخادم يعمل ويمكن الوصول إليه.</translation>
    </message>
    <message>
        <source>this database holds no team memory yet; create it with: tarjama-cli tm serve-init ADDRESS</source>
        <translation>لا تحوي قاعدة البيانات هذه ذاكرة فريق بعد؛ أنشئها بالأمر: tarjama-cli tm serve-init ADDRESS</translation>
    </message>
    <message>
        <source>the team memory&apos;s tables are missing or incomplete; create them with: tarjama-cli tm serve-init ADDRESS</source>
        <translation>جداول ذاكرة الفريق مفقودة أو ناقصة؛ أنشئها بالأمر: tarjama-cli tm serve-init ADDRESS</translation>
    </message>
    <message>
        <source>the team memory is busy with another write (an import, perhaps); try again later.</source>
        <translation>ذاكرة الفريق مشغولة بعملية كتابة أخرى (استيراد ربما)؛ أعد المحاولة لاحقًا.</translation>
    </message>
    <message>
        <source>lost the connection to the team memory ({reason}); check the network and try again.</source>
        <translation>انقطع الاتصال بذاكرة الفريق ({reason})؛ تحقّق من الشبكة وأعد المحاولة.</translation>
    </message>
    <message>
        <source>the team memory is read-only for you; ask its administrator for the tarjama_writer role.</source>
        <translation>ذاكرة الفريق للقراءة فقط بالنسبة إليك؛ اطلب من مسؤولها دور tarjama_writer.</translation>
    </message>
    <message>
        <source>this team memory was made by a newer Tarjama (schema {version}); update Tarjama to use it.</source>
        <translation>أُنشئت ذاكرة الفريق هذه بإصدار أحدث من ترجمة (المخطط {version})؛ حدّث ترجمة لاستخدامها.</translation>
    </message>
    <message>
        <source>your role may not create the team memory&apos;s tables ({reason}); run serve-init as the database&apos;s owner.</source>
        <translation>لا يحق لدورك إنشاء جداول ذاكرة الفريق ({reason})؛ شغّل serve-init بصفة مالك قاعدة البيانات.</translation>
    </message>
    <message>
        <source>could not be read: the process reading it stopped (out of memory, perhaps); nothing was imported</source>
        <extracomment>Files from this size on are read in a second process (about 8,000 units of news sentences). Rows per message: large enough that pickling costs little per row, small enough that memory stays flat. A message holds the rows&apos; field names once and each row&apos;s values as a tuple: pickling dicts, each with its keys, cost the reader 5 µs more a unit (it is the slower of the two processes). Chunks waiting in the queue at most: the reader never runs more than this far ahead of the writer. Seconds between two checks that the reader still runs while waiting for its next chunk.</extracomment>
        <translation>تعذّرت قراءته: توقفت العملية التي كانت تقرؤه (لنفاد الذاكرة ربما)؛ لم يُستورد شيء</translation>
    </message>
    <message>
        <source>This computer has no system keyring to keep the password for {login}. Put it in your password file instead: a line host:port:database:user:password in ~/.pgpass (or in the file PGPASSFILE names), readable only by you (chmod 600).</source>
        <extracomment>The keyring&apos;s &quot;service&quot; of every entry Tarjama keeps; each entry&apos;s user name is the login it opens.</extracomment>
        <translation>لا توجد على هذا الحاسوب حافظة كلمات مرور للنظام تحفظ كلمة المرور لـ {login}. ضعها في ملف كلمات المرور بدلًا من ذلك: سطرًا host:port:database:user:password في ~/.pgpass (أو في الملف الذي يسمّيه PGPASSFILE)، لا يقرؤه غيرك (chmod 600).</translation>
    </message>
    <message>
        <source>The system keyring cannot keep the password for {login} ({reason}). Unlock it and try again, or put the password in your password file: a line host:port:database:user:password in ~/.pgpass (or in the file PGPASSFILE names), readable only by you (chmod 600).</source>
        <translation>لا تستطيع حافظة كلمات مرور النظام حفظ كلمة المرور لـ {login} ({reason}). افتح قفلها وأعد المحاولة، أو ضع كلمة المرور في ملف كلمات المرور: سطرًا host:port:database:user:password في ~/.pgpass (أو في الملف الذي يسمّيه PGPASSFILE)، لا يقرؤه غيرك (chmod 600).</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export translation</source>
        <translation>تصدير الترجمة</translation>
    </message>
    <message>
        <source>{approved} of {total} segments are approved.
Segments not approved are exported with their current English text ({as_target} segments), or with the Arabic source where they have no translation yet ({as_source} segments).</source>
        <translation>المقاطع المعتمدة: {approved} من {total}.
تُصدَّر المقاطع غير المعتمدة بنصها الإنجليزي الحالي (عددها {as_target})، أو بالمصدر العربي إن لم تكن لها ترجمة بعد (عددها {as_source}).</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Export translation as</source>
        <translation>تصدير الترجمة باسم</translation>
    </message>
    <message>
        <source>Word (*.docx);;Text (*.txt)</source>
        <translation>مستند Word (*.docx);;نص (*.txt)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>تعذّر التصدير</translation>
    </message>
</context>
<context>
    <name>ExternalChanges</name>
    <message>
        <source>Another program split, merged or added segments in this project: the grid is read again when you finish editing this segment.</source>
        <extracomment>How often the window asks whether another program has saved the project: a pragma, so every second costs nothing. Segments changed elsewhere while being edited: shown as they are now once their editor has closed. Segments were added or removed elsewhere while an editor was open: the grid is read again after it.</extracomment>
        <translation>قسم برنامج آخر مقاطع في هذا المشروع أو دمجها أو أضافها: يُعاد تحميل الجدول حين تنتهي من تحرير هذا المقطع.</translation>
    </message>
    <message>
        <source>Another program split, merged or added segments in this project: the grid shows it as it is now, and your earlier changes can no longer be undone.</source>
        <translation>قسم برنامج آخر مقاطع في هذا المشروع أو دمجها أو أضافها: يعرض الجدول المشروع كما هو الآن، ولم يعد التراجع عن تغييراتك السابقة ممكنًا.</translation>
    </message>
    <message>
        <source>Segment {number} was changed by another program while you were editing it: when you confirm your text, you are asked which to keep.</source>
        <translation>غيّر برنامج آخر المقطع {number} وأنت تحرّره: حين تؤكّد نصك تُسأل أيّ النصّين تُبقي.</translation>
    </message>
    <message>
        <source>Segment {number} was changed by another program.</source>
        <translation>غيّر برنامج آخر المقطع {number}.</translation>
    </message>
    <message>
        <source>{count} segments were changed by another program.</source>
        <translation>غيّر برنامج آخر مقاطع عددها {count}.</translation>
    </message>
    <message>
        <source>Segment changed by another program</source>
        <translation>مقطع غيّره برنامج آخر</translation>
    </message>
    <message>
        <source>Segment {number} was changed by another program since you opened it.</source>
        <translation>غيّر برنامج آخر المقطع {number} بعد أن فتحته.</translation>
    </message>
    <message>
        <source>Theirs ({status}): {theirs}
Yours: {yours}</source>
        <translation>نصّهم ({status}): {theirs}
نصّك: {yours}</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>إبقاء نصّهم</translation>
    </message>
    <message>
        <source>Replace with yours</source>
        <translation>الاستبدال بنصّك</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(فارغ)</translation>
    </message>
    <message>
        <source>Segment removed by another program</source>
        <translation>مقطع أزاله برنامج آخر</translation>
    </message>
    <message>
        <source>Segment {number} was merged into the segment before it by another program while you were editing it, so your text was not saved. Copy it from here if you still want it: {text}</source>
        <translation>دمج برنامج آخر المقطع {number} في المقطع الذي قبله وأنت تحرّره، فلم يُحفظ نصك. انسخه من هنا إن كنت لا تزال تريده: {text}</translation>
    </message>
</context>
<context>
    <name>FileList</name>
    <message>
        <source>Files</source>
        <extracomment>Where an item keeps its document&apos;s id (None: &quot;All files&quot;). Filters the grid to one document (None: all), keeping the current segment when it is still shown.</extracomment>
        <translation>الملفات</translation>
    </message>
    <message>
        <source>&amp;Add files to project…</source>
        <translation>إ&amp;ضافة ملفات إلى المشروع…</translation>
    </message>
    <message>
        <source>&amp;Remove file from project…</source>
        <translation>إ&amp;زالة الملف من المشروع…</translation>
    </message>
    <message>
        <source>Export this &amp;file…</source>
        <translation>تصدير هذا ال&amp;ملف…</translation>
    </message>
    <message>
        <source>Export &amp;all files…</source>
        <translation>تصدير &amp;كل الملفات…</translation>
    </message>
    <message>
        <source>All files</source>
        <extracomment>Changes the project (off while it is read-only). Called when a removal or an export running in the background is over (tests wait for it).</extracomment>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <source>{name} — {approved} / {total} words</source>
        <translation>{name} — {approved} / {total} كلمة</translation>
    </message>
    <message>
        <source>Add files to the project</source>
        <translation>إضافة ملفات إلى المشروع</translation>
    </message>
    <message>
        <source>Documents ({patterns})</source>
        <translation>المستندات ({patterns})</translation>
    </message>
    <message>
        <source>Adding {names} to the project…</source>
        <translation>جارٍ إضافة {names} إلى المشروع…</translation>
    </message>
    <message>
        <source>Added with notes</source>
        <translation>أُضيف مع ملاحظات</translation>
    </message>
    <message>
        <source>Cannot add the files</source>
        <translation>تعذّرت إضافة الملفات</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>إزالة الملف</translation>
    </message>
    <message>
        <source>Remove {name} from the project? Its segments go, and the translation memory no longer offers their approved translations. This cannot be undone.</source>
        <translation>أتريد إزالة {name} من المشروع؟ تُحذف مقاطعه، ولا تعود ذاكرة الترجمة تعرض ترجماتها المعتمدة. لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <source>Cannot remove the file</source>
        <translation>تعذّرت إزالة الملف</translation>
    </message>
    <message>
        <source>Export {name} as</source>
        <translation>تصدير {name} باسم</translation>
    </message>
    <message>
        <source>Export all files into</source>
        <translation>تصدير كل الملفات إلى</translation>
    </message>
    <message>
        <source>Replace files</source>
        <translation>استبدال الملفات</translation>
    </message>
    <message>
        <source>These files exist already in that folder: {names}. Replace them?</source>
        <translation>هذه الملفات موجودة في ذلك المجلد: {names}. أتريد استبدالها؟</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>تعذّر التصدير</translation>
    </message>
    <message>
        <source>Exported {paths}.</source>
        <translation>صُدّر {paths}.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Source and target</source>
        <translation>المصدر والهدف</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>الهدف</translation>
    </message>
    <message>
        <source>Replace with (in the target)</source>
        <translation>استبدال بـ (في الهدف)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>استبدال</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>استبدال الكل</translation>
    </message>
    <message>
        <source>Include approved segments</source>
        <translation>تضمين المقاطع المعتمدة</translation>
    </message>
    <message>
        <source>Replace in approved segments too; they become drafts and need approving again</source>
        <translation>الاستبدال في المقاطع المعتمدة أيضًا؛ فتصير مسودات تحتاج إلى اعتماد من جديد</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>إغلاق شريط البحث (Esc)</translation>
    </message>
</context>
<context>
    <name>GlossaryMenu</name>
    <message>
        <source>&amp;Add term…</source>
        <translation>إ&amp;ضافة مصطلح…</translation>
    </message>
    <message>
        <source>&amp;New glossary…</source>
        <translation>مسرد &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Open glossary…</source>
        <translation>&amp;فتح مسرد…</translation>
    </message>
    <message>
        <source>&amp;Import glossary (CSV, TSV, TBX, OmegaT)…</source>
        <translation>ا&amp;ستيراد مسرد (CSV أو TSV أو TBX أو OmegaT)…</translation>
    </message>
    <message>
        <source>&amp;Export glossary…</source>
        <translation>&amp;تصدير المسرد…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <extracomment>Enabled only while a project is open. Export formats as the save dialog offers them: (filter, extension).</extracomment>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <source>TSV files (*.tsv)</source>
        <translation>ملفات TSV (*.tsv)</translation>
    </message>
    <message>
        <source>TBX files (*.tbx)</source>
        <translation>ملفات TBX (*.tbx)</translation>
    </message>
    <message>
        <source>OmegaT glossaries (*.txt)</source>
        <translation>مسارد OmegaT (*.txt)</translation>
    </message>
    <message>
        <source>Glossaries (*{suffix})</source>
        <translation>المسارد (*{suffix})</translation>
    </message>
    <message>
        <source>Create a glossary</source>
        <translation>إنشاء مسرد</translation>
    </message>
    <message>
        <source>Cannot create the glossary</source>
        <translation>تعذّر إنشاء المسرد</translation>
    </message>
    <message>
        <source>Use a glossary for this project</source>
        <translation>استخدام مسرد لهذا المشروع</translation>
    </message>
    <message>
        <source>This project now takes its terms from the glossary {path}.</source>
        <translation>يأخذ هذا المشروع مصطلحاته الآن من المسرد {path}.</translation>
    </message>
    <message>
        <source>Cannot add the term</source>
        <translation>تعذّرت إضافة المصطلح</translation>
    </message>
    <message>
        <source>Saved «{term}» in the glossary {name}.</source>
        <translation>حُفظ «{term}» في المسرد {name}.</translation>
    </message>
    <message>
        <source>Import a glossary</source>
        <translation>استيراد مسرد</translation>
    </message>
    <message>
        <source>Glossary files (*.csv *.tsv *.tbx *.txt);;All files (*)</source>
        <translation>ملفات المسارد (*.csv *.tsv *.tbx *.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Imported {name}: {added} terms added, {merged} merged with terms already there.</source>
        <translation>استُورد {name}: مصطلحات مضافة: {added}، ومدموجة مع مصطلحات موجودة: {merged}.</translation>
    </message>
    <message>
        <source>{skipped} skipped (no Arabic or no English term).</source>
        <translation>مصطلحات متروكة: {skipped} (بلا مصطلح عربي أو إنجليزي).</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>جارٍ استيراد {name}…</translation>
    </message>
    <message>
        <source>Cannot import the glossary</source>
        <translation>تعذّر استيراد المسرد</translation>
    </message>
    <message>
        <source>Export the glossary</source>
        <translation>تصدير المسرد</translation>
    </message>
    <message>
        <source>Exported {count} terms to {path}.</source>
        <translation>صُدِّرت المصطلحات ({count}) إلى {path}.</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>جارٍ التصدير إلى {name}…</translation>
    </message>
    <message>
        <source>Cannot export the glossary</source>
        <translation>تعذّر تصدير المسرد</translation>
    </message>
</context>
<context>
    <name>GlossaryPane</name>
    <message>
        <source>Alt+{n}</source>
        <extracomment>Terms that get a shortcut, Alt+1..9; a segment rarely holds more. Bare `translate(&quot;Context&quot;, &quot;text&quot;)` calls are what lupdate extracts outside a QObject&apos;s methods.</extracomment>
        <translation>Alt+{n}</translation>
    </message>
    <message>
        <source>Not: {terms}</source>
        <translation>لا تستخدم: {terms}</translation>
    </message>
    <message>
        <source>Glossary {name} · terms in this segment: {n}</source>
        <translation>المسرد {name} · مصطلحات هذا المقطع: {n}</translation>
    </message>
    <message>
        <source>Glossary {name} · no terms in this segment.</source>
        <translation>المسرد {name} · لا مصطلحات في هذا المقطع.</translation>
    </message>
</context>
<context>
    <name>GlossaryPanels</name>
    <message>
        <source>Glossary</source>
        <translation>المسرد</translation>
    </message>
    <message>
        <source>Cannot use this glossary</source>
        <translation>تعذّر استخدام هذا المسرد</translation>
    </message>
    <message>
        <source>Cannot read the glossary: {error}</source>
        <translation>تعذّرت قراءة المسرد: {error}</translation>
    </message>
    <message>
        <source>Reading the glossary…</source>
        <translation>جارٍ قراءة المسرد…</translation>
    </message>
</context>
<context>
    <name>GridZoom</name>
    <message>
        <source>Zoom &amp;in</source>
        <extracomment>The sizes one Ctrl+plus or Ctrl+minus steps through, in percent of the normal size.</extracomment>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>الح&amp;جم الفعلي</translation>
    </message>
    <message>
        <source>Zoom {percent}%</source>
        <translation>التكبير: {percent}%</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;لغة النظام</translation>
    </message>
    <message>
        <source>The new language is used from the next time Tarjama starts.</source>
        <translation>ستُستخدم اللغة الجديدة بدءًا من التشغيل التالي لبرنامج «ترجمة».</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>All segments</source>
        <extracomment>The QSettings key of Segment → Fill repetitions on approval. View → Show segments, by English name; marked for lupdate here and translated where the menu is built.</extracomment>
        <translation>كل المقاطع</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>غير المعتمدة</translation>
    </message>
    <message>
        <source>New</source>
        <translation>الجديدة</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>المترجمة آليًا</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>المسودات</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>المعتمدة</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>المرفوضة</translation>
    </message>
    <message>
        <source>Tarjama</source>
        <translation>ترجمة</translation>
    </message>
    <message>
        <source>Open a project or create one from an Arabic document (File menu).</source>
        <translation>افتح مشروعًا أو أنشئ مشروعًا من مستند عربي (قائمة ملف).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Machine translation</source>
        <translation>الترجمة الآلية</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;New project from document…</source>
        <translation>مشروع &amp;جديد من مستند…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>فتح مشروع &amp;حديث</translation>
    </message>
    <message>
        <source>&amp;Export translation…</source>
        <translation>&amp;تصدير الترجمة…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Analysis…</source>
        <translation>ال&amp;تحليل…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>ترا&amp;جع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;Copy source to target</source>
        <translation>&amp;نسخ المصدر إلى الهدف</translation>
    </message>
    <message>
        <source>Insert next &amp;tag</source>
        <translation>إدراج الوسم ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <source>Find and &amp;replace…</source>
        <translation>بحث وا&amp;ستبدال…</translation>
    </message>
    <message>
        <source>&amp;Segment</source>
        <translation>م&amp;قطع</translation>
    </message>
    <message>
        <source>&amp;Approve and go to next</source>
        <translation>ا&amp;عتماد والانتقال إلى التالي</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;رفض</translation>
    </message>
    <message>
        <source>&amp;Edit translation</source>
        <translation>&amp;تحرير الترجمة</translation>
    </message>
    <message>
        <source>&amp;Next segment</source>
        <translation>المقطع ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous segment</source>
        <translation>المقطع ال&amp;سابق</translation>
    </message>
    <message>
        <source>&amp;Split segment…</source>
        <translation>&amp;تقسيم المقطع…</translation>
    </message>
    <message>
        <source>&amp;Merge with next segment</source>
        <translation>&amp;دمج مع المقطع التالي</translation>
    </message>
    <message>
        <source>Re-&amp;translate segment</source>
        <translation>إعادة &amp;ترجمة المقطع</translation>
    </message>
    <message>
        <source>Use alternative {n}</source>
        <translation>استخدام البديل {n}</translation>
    </message>
    <message>
        <source>&amp;Pre-translate document</source>
        <extracomment>The segments batches have filled since the last announcement (a tuple of ids), as `ProjectSession.changed`. Where a run that found no package says so in full, with its offers to install one.</extracomment>
        <translation>ال&amp;ترجمة المسبقة للمستند</translation>
    </message>
    <message>
        <source>Use TM match {n}</source>
        <translation>استخدام تطابق الذاكرة {n}</translation>
    </message>
    <message>
        <source>&amp;Concordance search…</source>
        <translation>البحث ال&amp;سياقي…</translation>
    </message>
    <message>
        <source>Insert term {n}</source>
        <translation>إدراج المصطلح {n}</translation>
    </message>
    <message>
        <source>Fill &amp;repetitions on approval</source>
        <translation>ملء ال&amp;تكرارات عند الاعتماد</translation>
    </message>
    <message>
        <source>&amp;Translation</source>
        <translation>التر&amp;جمة</translation>
    </message>
    <message>
        <source>Translation &amp;packages…</source>
        <translation>&amp;حزم الترجمة…</translation>
    </message>
    <message>
        <source>Machine translation &amp;model</source>
        <translation>&amp;نموذج الترجمة الآلية</translation>
    </message>
    <message>
        <source>Translation &amp;memory</source>
        <translation>&amp;ذاكرة الترجمة</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>&amp;المسرد</translation>
    </message>
    <message>
        <source>&amp;Insert term</source>
        <translation>إ&amp;دراج مصطلح</translation>
    </message>
    <message>
        <source>&amp;QA</source>
        <translation>&amp;ضمان الجودة</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Show &amp;segments</source>
        <translation>عرض ال&amp;مقاطع</translation>
    </message>
    <message>
        <source>Only segments with &amp;comments</source>
        <translation>المقاطع ذات ال&amp;تعليقات فقط</translation>
    </message>
    <message>
        <source>Underline &amp;spelling mistakes</source>
        <translation>تسطير الأخطاء الإ&amp;ملائية</translation>
    </message>
    <message>
        <source>Mark words the machine was &amp;unsure of</source>
        <translation>تمييز الكلمات التي لم تكن الآلة &amp;واثقة منها</translation>
    </message>
    <message>
        <source>&amp;Least confident first</source>
        <translation>الأ&amp;قل ثقة أولًا</translation>
    </message>
    <message>
        <source>S&amp;tatistics…</source>
        <translation>الإ&amp;حصاءات…</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>الأ&amp;جزاء</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ال&amp;لغة (Language)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>الشريط الرئيسي</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <source>{name} — Tarjama</source>
        <translation>{name} — ترجمة</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>جارٍ استيراد {name}…</translation>
    </message>
    <message>
        <source>Imported with notes</source>
        <translation>استُورد مع ملاحظات</translation>
    </message>
    <message>
        <source>Cannot import the document</source>
        <translation>تعذّر استيراد المستند</translation>
    </message>
    <message>
        <source>Choose an Arabic document</source>
        <translation>اختر مستندًا عربيًا</translation>
    </message>
    <message>
        <source>Documents ({patterns})</source>
        <translation>المستندات ({patterns})</translation>
    </message>
    <message>
        <source>Save the new project as</source>
        <translation>حفظ المشروع الجديد باسم</translation>
    </message>
    <message>
        <source>Tarjama projects (*.tarjama)</source>
        <translation>مشاريع ترجمة (*.tarjama)</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Exported {path} ({approved} of {total} segments approved).</source>
        <translation>صُدِّر {path} (المقاطع المعتمدة: {approved} من {total}).</translation>
    </message>
    <message>
        <source>Edit translation</source>
        <translation>تحرير الترجمة</translation>
    </message>
    <message>
        <source>Approve segment</source>
        <translation>اعتماد المقطع</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>اعتماد</translation>
    </message>
    <message>
        <source>Repetitions left as they were, because their tags are not where this segment has them: {count}</source>
        <translation>تكرارات تُركت كما كانت، لأن وسومها ليست حيث هي في هذا المقطع: {count}</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Copy source to target</source>
        <translation>نسخ المصدر إلى الهدف</translation>
    </message>
    <message>
        <source>Cannot split</source>
        <translation>تعذّر التقسيم</translation>
    </message>
    <message>
        <source>Cannot merge</source>
        <translation>تعذّر الدمج</translation>
    </message>
    <message>
        <source>{count} segment(s)</source>
        <extracomment>True, after saying why, when the project may not be changed (a read-only project). The segments the filter shows that hold the text, as last counted. The segments changed since, to look at again; None: count them all again.</extracomment>
        <translation>المقاطع: {count}</translation>
    </message>
    <message>
        <source>Replaced in {count} segment(s); {skipped} approved segment(s) skipped (tick “Include approved segments” to replace in them).</source>
        <translation>المقاطع التي جرى فيها الاستبدال: {count}؛ والمقاطع المعتمدة المتروكة: {skipped} (حدّد «تضمين المقاطع المعتمدة» للاستبدال فيها).</translation>
    </message>
    <message>
        <source>Replaced in {count} segment(s).</source>
        <translation>المقاطع التي جرى فيها الاستبدال: {count}.</translation>
    </message>
    <message>
        <source>Not found: {text}</source>
        <translation>لم يُعثر على: {text}</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>استبدال</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>استبدال الكل</translation>
    </message>
    <message>
        <source>Pre-translation starting…</source>
        <translation>جارٍ بدء الترجمة المسبقة…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>Pre-translation: {done}/{total} segments ({rate:.1f}/s)</source>
        <translation>الترجمة المسبقة: المقاطع {done}/{total} ({rate:.1f} في الثانية)</translation>
    </message>
    <message>
        <source>Pre-translation failed</source>
        <translation>فشلت الترجمة المسبقة</translation>
    </message>
    <message>
        <source>Cannot translate</source>
        <translation>تعذّرت الترجمة</translation>
    </message>
    <message>
        <source>Use alternative</source>
        <translation>استخدام بديل</translation>
    </message>
    <message>
        <source>Use TM match</source>
        <translation>استخدام تطابق من الذاكرة</translation>
    </message>
    <message>
        <source>The translation has every tag of the source.</source>
        <translation>في الترجمة كل وسوم النص المصدر.</translation>
    </message>
    <message>
        <source>{approved_label}: {a}/{n} segments, {aw}/{w} words ({percent}%)</source>
        <translation>{approved_label}: المقاطع {a}/{n}، الكلمات {aw}/{w} ({percent}%)</translation>
    </message>
</context>
<context>
    <name>MatchFilter</name>
    <message>
        <source>All matches</source>
        <extracomment>The choice that shows every segment.</extracomment>
        <translation>كل التطابقات</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>التكرارات</translation>
    </message>
    <message>
        <source>TM {score}%</source>
        <translation>ذاكرة الترجمة {score}%</translation>
    </message>
    <message>
        <source>TM {range}</source>
        <translation>ذاكرة الترجمة {range}</translation>
    </message>
    <message>
        <source>MT {lowest} and above</source>
        <translation>ترجمة آلية {lowest} فأعلى</translation>
    </message>
    <message>
        <source>MT {lowest}–{highest}</source>
        <translation>ترجمة آلية {lowest}–{highest}</translation>
    </message>
    <message>
        <source>MT below {highest}</source>
        <translation>ترجمة آلية دون {highest}</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>بلا تطابق</translation>
    </message>
    <message>
        <source>Show &amp;matches</source>
        <translation>عرض ال&amp;تطابقات</translation>
    </message>
    <message>
        <source>Sort by match &amp;band</source>
        <translation>ترتيب حسب &amp;فئة التطابق</translation>
    </message>
</context>
<context>
    <name>MemoryCatchUp</name>
    <message>
        <source>{problem} Your approvals are saved in the project and go into the memory as soon as it can be written.</source>
        <extracomment>How long the worker waits for the memory in one go; it tries again after `RETRY_MS` if the memory is still busy.</extracomment>
        <translation>{problem} اعتماداتك محفوظة في المشروع وتُضاف إلى الذاكرة حالما تصبح الكتابة فيها ممكنة.</translation>
    </message>
    <message>
        <source>The translation memory has all your approvals again.</source>
        <translation>صارت ذاكرة الترجمة تضم كل اعتماداتك من جديد.</translation>
    </message>
</context>
<context>
    <name>MemorySearchBar</name>
    <message>
        <source>Search the translation memory (Arabic or English)</source>
        <translation>ابحث في ذاكرة الترجمة (بالعربية أو بالإنجليزية)</translation>
    </message>
    <message>
        <source>Source and target</source>
        <translation>المصدر والهدف</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>الهدف</translation>
    </message>
</context>
<context>
    <name>MemoryUpdate</name>
    <message>
        <source>Updating the translation memory {name} for this version of Tarjama…</source>
        <translation>جارٍ تحديث ذاكرة الترجمة {name} لتعمل مع هذا الإصدار من «ترجمة»…</translation>
    </message>
</context>
<context>
    <name>MissingModelBanner</name>
    <message>
        <source>No Arabic→English translation package is installed. Machine translation is off; everything else works.</source>
        <translation>لا توجد حزمة ترجمة من العربية إلى الإنجليزية مثبّتة. الترجمة الآلية متوقفة، وكل ما عداها يعمل.</translation>
    </message>
    <message>
        <source>Install from file…</source>
        <translation>تثبيت من ملف…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>تنزيل…</translation>
    </message>
</context>
<context>
    <name>ModelMenu</name>
    <message>
        <source>{name} ({origin})</source>
        <extracomment>How long the status bar shows that the model changed (ms).</extracomment>
        <translation>{name} ‏({origin})</translation>
    </message>
    <message>
        <source>Cannot change the model</source>
        <translation>تعذّر تغيير النموذج</translation>
    </message>
    <message>
        <source>Machine translation in this project now uses {name}.</source>
        <translation>تستخدم الترجمة الآلية في هذا المشروع الآن {name}.</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Translation packages</source>
        <translation>حزم الترجمة</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>إلغاء التنزيل</translation>
    </message>
    <message>
        <source>Install from file…</source>
        <translation>تثبيت من ملف…</translation>
    </message>
    <message>
        <source>Install from folder…</source>
        <translation>تثبيت من مجلد…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>تنزيل…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>The packages folder cannot be read: {error}</source>
        <translation>تتعذّر قراءة مجلد الحزم: {error}</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was installed.</source>
        <translation>أُلغي التنزيل، ولم يُثبَّت شيء.</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}): {error}</source>
        <translation>خطأ غير متوقع ({kind}): {error}</translation>
    </message>
    <message>
        <source>Install translation package</source>
        <translation>تثبيت حزمة ترجمة</translation>
    </message>
    <message>
        <source>Translation packages and OPUS-MT releases (*.argosmodel *.zip);;All files (*)</source>
        <translation>حزم الترجمة وإصدارات OPUS-MT ‏(*.argosmodel *.zip);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Install a model folder</source>
        <translation>تثبيت مجلد نموذج</translation>
    </message>
    <message>
        <source>Installing {name}…</source>
        <translation>جارٍ تثبيت {name}…</translation>
    </message>
    <message>
        <source>Installed {name} (version {version}).</source>
        <translation>ثُبِّتت {name} (الإصدار {version}).</translation>
    </message>
    <message>
        <source>Select a package in the list first.</source>
        <translation>اختر حزمة من القائمة أولًا.</translation>
    </message>
    <message>
        <source>Remove translation package</source>
        <translation>إزالة حزمة ترجمة</translation>
    </message>
    <message>
        <source>Remove {name}? Its files will be deleted.</source>
        <translation>إزالة {name}؟ ستُحذف ملفاتها.</translation>
    </message>
    <message>
        <source>Removing {name}…</source>
        <translation>جارٍ إزالة {name}…</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>أُزيلت {name}.</translation>
    </message>
    <message>
        <source>Fetching the package index from {url}…</source>
        <translation>جارٍ جلب فهرس الحزم من {url}…</translation>
    </message>
    <message>
        <source>The package index lists no Arabic→English package.</source>
        <translation>لا يضم فهرس الحزم أي حزمة من العربية إلى الإنجليزية.</translation>
    </message>
    <message>
        <source>Available Arabic→English packages: {list}</source>
        <translation>حزم العربية إلى الإنجليزية المتاحة: {list}</translation>
    </message>
    <message>
        <source>{name} (version {version}) is installed and is the newest available.</source>
        <translation>{name} (الإصدار {version}) مثبّتة، وهي أحدث المتاح.</translation>
    </message>
    <message>
        <source>Downloading {languages} version {version}…</source>
        <translation>جارٍ تنزيل {languages} الإصدار {version}…</translation>
    </message>
    <message>
        <source>Downloaded and installed {name} (version {version}).</source>
        <translation>نُزِّلت {name} وثُبِّتت (الإصدار {version}).</translation>
    </message>
    <message>
        <source>{received:.1f} of {total:.1f} MB</source>
        <translation>{received:.1f} من {total:.1f} ميغابايت</translation>
    </message>
    <message>
        <source>{received:.1f} MB</source>
        <translation>{received:.1f} ميغابايت</translation>
    </message>
    <message>
        <source>Cancelling the download…</source>
        <translation>جارٍ إلغاء التنزيل…</translation>
    </message>
</context>
<context>
    <name>PackageTable</name>
    <message>
        <source>Package</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>Size (MB)</source>
        <translation>الحجم (ميغابايت)</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>الاستخدام</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الترخيص</translation>
    </message>
    <message>
        <source>Published scores</source>
        <translation>الدرجات المنشورة</translation>
    </message>
    <message>
        <source>Used for machine translation</source>
        <translation>مستخدمة للترجمة الآلية</translation>
    </message>
    <message>
        <source>Can be chosen: Translation → Machine translation model</source>
        <translation>يمكن اختياره: الترجمة ← نموذج الترجمة الآلية</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>غير مذكور</translation>
    </message>
    <message>
        <source>Not used (other languages)</source>
        <translation>غير مستخدمة (لغات أخرى)</translation>
    </message>
</context>
<context>
    <name>PanesMenu</name>
    <message>
        <source>&amp;Reset layout</source>
        <extracomment>Set on a dock once its show action also raises it, so that opening the menu again connects nothing twice.</extracomment>
        <translation>إ&amp;عادة التخطيط الافتراضي</translation>
    </message>
</context>
<context>
    <name>Pretranslate</name>
    <message>
        <source>Pre-translation cancelled: {tm} segments from the translation memory ({exact} exact, {fuzzy} fuzzy), {mt} machine-translated.</source>
        <translation>أُلغيت الترجمة المسبقة. المقاطع من ذاكرة الترجمة: {tm} (تطابق تام: {exact}، تطابق جزئي: {fuzzy})، والمترجمة آليًا: {mt}.</translation>
    </message>
    <message>
        <source>Pre-translation finished: {tm} segments from the translation memory ({exact} exact, {fuzzy} fuzzy), {mt} machine-translated.</source>
        <translation>اكتملت الترجمة المسبقة. المقاطع من ذاكرة الترجمة: {tm} (تطابق تام: {exact}، تطابق جزئي: {fuzzy})، والمترجمة آليًا: {mt}.</translation>
    </message>
    <message>
        <source>Machine translation was skipped: no Arabic→English package is installed.</source>
        <translation>لم تُجرَ الترجمة الآلية: لا توجد حزمة من العربية إلى الإنجليزية مثبّتة.</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Segments named one by one in the summary; the rest are counted.</extracomment>
        <translation>، </translation>
    </message>
    <message>
        <source>{number} ({characters} characters)</source>
        <translation>{number} ({characters} حرفًا)</translation>
    </message>
    <message>
        <source>{named} and {more} more</source>
        <translation>{named} و{more} غيرها</translation>
    </message>
    <message>
        <source>Left untouched, too long to machine-translate (a segment should be a sentence): segment(s) {named}. Split them into sentences (Segment → Split segment) and pre-translate again.</source>
        <translation>تُركت دون تغيير لأنها أطول من أن تُترجم آليًا (ينبغي أن يكون المقطع جملة): المقاطع {named}. قسّمها إلى جمل (مقطع ← تقسيم المقطع) وأعد الترجمة المسبقة.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>QaChecks</name>
    <message>
        <source>Approved without a translation</source>
        <extracomment>Bare `translate(&quot;Context&quot;, &quot;text&quot;)` calls are what lupdate extracts outside a QObject&apos;s methods.</extracomment>
        <translation>معتمد بلا ترجمة</translation>
    </message>
    <message>
        <source>Translation identical to the source</source>
        <translation>الترجمة مطابقة للمصدر</translation>
    </message>
    <message>
        <source>Arabic letters in the translation</source>
        <translation>حروف عربية في الترجمة</translation>
    </message>
    <message>
        <source>Arabic punctuation or digits in the translation</source>
        <translation>علامات ترقيم أو أرقام عربية في الترجمة</translation>
    </message>
    <message>
        <source>A number of the source missing from the translation</source>
        <translation>رقم من المصدر غائب عن الترجمة</translation>
    </message>
    <message>
        <source>A number in the translation that the source does not have</source>
        <translation>رقم في الترجمة ليس في المصدر</translation>
    </message>
    <message>
        <source>A number that is a percentage on one side only</source>
        <translation>رقم نسبة مئوية في جانب واحد فقط</translation>
    </message>
    <message>
        <source>Glossary term not translated as the glossary says</source>
        <translation>مصطلح لم يُترجَم كما في المسرد</translation>
    </message>
    <message>
        <source>Forbidden translation of a glossary term</source>
        <translation>ترجمة محظورة لمصطلح من المسرد</translation>
    </message>
    <message>
        <source>Invisible or direction-control characters</source>
        <translation>محارف غير مرئية أو محارف تحكم في الاتجاه</translation>
    </message>
    <message>
        <source>Unbalanced brackets</source>
        <translation>أقواس غير متوازنة</translation>
    </message>
    <message>
        <source>Unbalanced quotation marks</source>
        <translation>علامات اقتباس غير متوازنة</translation>
    </message>
    <message>
        <source>Double spaces</source>
        <translation>مسافات مزدوجة</translation>
    </message>
    <message>
        <source>Spaces at the start or end that the source does not have</source>
        <translation>مسافات في البداية أو النهاية ليست في المصدر</translation>
    </message>
    <message>
        <source>Different punctuation at the end</source>
        <translation>علامة ترقيم مختلفة في النهاية</translation>
    </message>
    <message>
        <source>Unusually long or short translation</source>
        <translation>ترجمة أطول أو أقصر من المعتاد</translation>
    </message>
    <message>
        <source>Same source approved with different translations</source>
        <translation>المصدر نفسه معتمد بترجمات مختلفة</translation>
    </message>
    <message>
        <source>A tag of the source missing from the translation</source>
        <translation>وسم من النص المصدر غائب عن الترجمة</translation>
    </message>
    <message>
        <source>A tag in the translation that the source does not have, or has once</source>
        <translation>وسم في الترجمة ليس في النص المصدر، أو فيه مرة واحدة فقط</translation>
    </message>
    <message>
        <source>A tag closed before it is opened</source>
        <translation>وسم يُغلق قبل أن يُفتح</translation>
    </message>
    <message>
        <source>Tags that overlap instead of one holding the other</source>
        <translation>وسوم متداخلة بدل أن يحتوي أحدها الآخر</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>الإملاء</translation>
    </message>
</context>
<context>
    <name>QaMessages</name>
    <message>
        <source>This segment is approved but has no translation.</source>
        <extracomment>The core&apos;s finding messages (`tarjama.qa.messages.MESSAGES`) marked for lupdate, kept the same by tests/test_translations.py. A finding records its template&apos;s key and values, filled here in the UI&apos;s language.</extracomment>
        <translation>هذا المقطع معتمد لكنه بلا ترجمة.</translation>
    </message>
    <message>
        <source>The translation is the same as the Arabic source: it has not been translated.</source>
        <translation>الترجمة مطابقة للمصدر العربي: لم يُترجَم المقطع.</translation>
    </message>
    <message>
        <source>Arabic text is left in the translation: {text}</source>
        <translation>بقي نص عربي في الترجمة: {text}</translation>
    </message>
    <message>
        <source>The Arabic “{mark}” should be “{english}” in English.</source>
        <translation>تُكتب «{mark}» العربية في الإنجليزية «{english}».</translation>
    </message>
    <message>
        <source>The Arabic-Indic digits “{text}” should be written “{english}” in English.</source>
        <translation>تُكتب الأرقام العربية المشرقية «{text}» في الإنجليزية «{english}».</translation>
    </message>
    <message>
        <source>The number {number} in the source is not in the translation.</source>
        <translation>العدد {number} الوارد في المصدر غير موجود في الترجمة.</translation>
    </message>
    <message>
        <source>The number {number} ({plain}) in the source is not in the translation.</source>
        <translation>العدد {number} ({plain}) الوارد في المصدر غير موجود في الترجمة.</translation>
    </message>
    <message>
        <source>The number {number} in the translation is not in the source.</source>
        <translation>العدد {number} الوارد في الترجمة غير موجود في المصدر.</translation>
    </message>
    <message>
        <source>{number} is a percentage in the source, but not in the translation.</source>
        <translation>العدد {number} نسبة مئوية في المصدر، وليس كذلك في الترجمة.</translation>
    </message>
    <message>
        <source>{number} is a percentage in the translation, but not in the source.</source>
        <translation>العدد {number} نسبة مئوية في الترجمة، وليس كذلك في المصدر.</translation>
    </message>
    <message>
        <source>The glossary says to translate “{term}” as {targets}.</source>
        <translation>يقضي المسرد بترجمة «{term}» إلى {targets}.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <source>“{found}” must not be used for “{term}”; the glossary says {targets}.</source>
        <translation>يجب ألا تُستعمل «{found}» ترجمةً لـ«{term}»؛ فالمسرد يقضي بـ{targets}.</translation>
    </message>
    <message>
        <source>“{found}” must not be used for “{term}” (glossary).</source>
        <translation>يجب ألا تُستعمل «{found}» ترجمةً لـ«{term}» (المسرد).</translation>
    </message>
    <message>
        <source>The translation contains an invisible character, {name} (U+{code:04X}).</source>
        <translation>تحتوي الترجمة على محرف غير مرئي: {name} (U+{code:04X}).</translation>
    </message>
    <message>
        <source>The brackets “{opening}{closing}” do not pair up in the translation, though they do in the source.</source>
        <translation>الأقواس «{opening}{closing}» غير متوازنة في الترجمة، مع أنها متوازنة في المصدر.</translation>
    </message>
    <message>
        <source>The quotation marks do not pair up in the translation, though they do in the source.</source>
        <translation>علامات التنصيص غير متوازنة في الترجمة، مع أنها متوازنة في المصدر.</translation>
    </message>
    <message>
        <source>The translation has two spaces in a row.</source>
        <translation>في الترجمة مسافتان متتاليتان.</translation>
    </message>
    <message>
        <source>The translation starts with a space; the source does not.</source>
        <translation>تبدأ الترجمة بمسافة، أما المصدر فلا.</translation>
    </message>
    <message>
        <source>The source starts with a space; the translation does not.</source>
        <translation>يبدأ المصدر بمسافة، أما الترجمة فلا.</translation>
    </message>
    <message>
        <source>The translation ends with a space; the source does not.</source>
        <translation>تنتهي الترجمة بمسافة، أما المصدر فلا.</translation>
    </message>
    <message>
        <source>The source ends with a space; the translation does not.</source>
        <translation>ينتهي المصدر بمسافة، أما الترجمة فلا.</translation>
    </message>
    <message>
        <source>The source ends with “{source_end}” but the translation ends with “{target_end}”.</source>
        <translation>ينتهي المصدر بـ«{source_end}» لكن الترجمة تنتهي بـ«{target_end}».</translation>
    </message>
    <message>
        <source>The source ends with “{source_end}”; the translation has no punctuation at the end.</source>
        <translation>ينتهي المصدر بـ«{source_end}»، أما الترجمة فلا علامة ترقيم في آخرها.</translation>
    </message>
    <message>
        <source>The translation ends with “{target_end}” but the source has no punctuation at the end.</source>
        <translation>تنتهي الترجمة بـ«{target_end}»، أما المصدر فلا علامة ترقيم في آخره.</translation>
    </message>
    <message>
        <source>This translation is {ratio:.1f} times as long as its source; in this project translations are usually {low:.1f} to {high:.1f} times as long. Is something repeated or added?</source>
        <translation>طول هذه الترجمة {ratio:.1f} ضعف طول مصدرها، والمعتاد في هذا المشروع أن يكون طول الترجمة بين {low:.1f} و{high:.1f} ضعف طول المصدر. هل فيها تكرار أو زيادة؟</translation>
    </message>
    <message>
        <source>This translation is {ratio:.1f} times as long as its source; in this project translations are usually {low:.1f} to {high:.1f} times as long. Is something left out?</source>
        <translation>طول هذه الترجمة {ratio:.1f} ضعف طول مصدرها، والمعتاد في هذا المشروع أن يكون طول الترجمة بين {low:.1f} و{high:.1f} ضعف طول المصدر. هل سقط منها شيء؟</translation>
    </message>
    <message>
        <source>The same source was approved with a different translation in segment {ids}.</source>
        <translation>المصدر نفسه معتمد بترجمة مختلفة في المقطع {ids}.</translation>
    </message>
    <message>
        <source>The same source was approved with different translations in segments {ids}.</source>
        <translation>المصدر نفسه معتمد بترجمات مختلفة في المقاطع {ids}.</translation>
    </message>
    <message>
        <source>“{word}” is not in the dictionary: is it misspelt?</source>
        <translation>«{word}» ليست في القاموس: هل فيها خطأ إملائي؟</translation>
    </message>
    <message>
        <source>Tag {tag} is missing from the translation.</source>
        <translation>الوسم {tag} غائب عن الترجمة.</translation>
    </message>
    <message>
        <source>The start of tag {tag} is missing from the translation.</source>
        <translation>بداية الوسم {tag} غائبة عن الترجمة.</translation>
    </message>
    <message>
        <source>The end of tag {tag} is missing from the translation.</source>
        <translation>نهاية الوسم {tag} غائبة عن الترجمة.</translation>
    </message>
    <message>
        <source>Tag {tag} is in the translation but not in the source.</source>
        <translation>الوسم {tag} في الترجمة وليس في النص المصدر.</translation>
    </message>
    <message>
        <source>Tag {tag} is in the translation more than once.</source>
        <translation>الوسم {tag} في الترجمة أكثر من مرة.</translation>
    </message>
    <message>
        <source>Tag {tag} is closed before it is opened.</source>
        <translation>الوسم {tag} يُغلق قبل أن يُفتح.</translation>
    </message>
    <message>
        <source>Tags {tag} and {inner} overlap: tag {number} ends while tag {inner_number}, which starts inside it, is still open. End tag {inner_number} first, or start it outside tag {number}.</source>
        <translation>الوسمان {tag} و{inner} متداخلان: ينتهي الوسم {number} والوسم {inner_number}، الذي يبدأ داخله، لا يزال مفتوحًا. أنهِ الوسم {inner_number} أولًا، أو ابدأه خارج الوسم {number}.</translation>
    </message>
</context>
<context>
    <name>QaModel</name>
    <message>
        <source>Severity</source>
        <extracomment>The segment&apos;s number in the document (the grid&apos;s #); None once the segment was merged away. Why the translator set the finding aside; None while it is reported.</extracomment>
        <translation>الدرجة</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>الفحص</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Ignored: {reason}</source>
        <translation>متجاهَلة: {reason}</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>متجاهَلة</translation>
    </message>
</context>
<context>
    <name>QaPane</name>
    <message>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>تحذير</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>لا توجد ملاحظات.</translation>
    </message>
    <message>
        <source>Errors: {errors} · Warnings: {warnings} · Notes: {notes}</source>
        <translation>الأخطاء: {errors} · التحذيرات: {warnings} · الملاحظات: {notes}</translation>
    </message>
</context>
<context>
    <name>QaPanels</name>
    <message>
        <source>&amp;Run QA on the document</source>
        <extracomment>The project-wide facts are gathered again this long after the last approval. Gathering takes a tenth of a second or more on a long document, and holds Python&apos;s GIL for much of it: an approval that coincided with it would wait. Two seconds after an approval the translator is reading the next segment, while a run of quick approvals (exact matches) keeps putting it off.</extracomment>
        <translation>&amp;فحص الجودة في المستند</translation>
    </message>
    <message>
        <source>&amp;Ignore the selected finding…</source>
        <translation>&amp;تجاهل الملاحظة المحددة…</translation>
    </message>
    <message>
        <source>&amp;Report the selected finding again</source>
        <translation>إ&amp;عادة الإبلاغ عن الملاحظة المحددة</translation>
    </message>
    <message>
        <source>&amp;Show ignored findings</source>
        <translation>إ&amp;ظهار الملاحظات المتجاهَلة</translation>
    </message>
    <message>
        <source>Run QA (F8)</source>
        <translation>فحص الجودة (F8)</translation>
    </message>
    <message>
        <source>Ignore…</source>
        <translation>تجاهل…</translation>
    </message>
    <message>
        <source>Report again</source>
        <translation>إعادة الإبلاغ</translation>
    </message>
    <message>
        <source>Show ignored</source>
        <translation>إظهار المتجاهَلة</translation>
    </message>
    <message>
        <source>&amp;Ask before approving a segment with errors</source>
        <translation>ا&amp;سأل قبل اعتماد مقطع فيه أخطاء</translation>
    </message>
    <message>
        <source>QA</source>
        <extracomment>Asks whether to approve despite these findings; tests put their own answer here.</extracomment>
        <translation>ضمان الجودة</translation>
    </message>
    <message>
        <source>Press {key} to check the document.</source>
        <translation>اضغط {key} لفحص المستند.</translation>
    </message>
    <message>
        <source>Cannot run QA</source>
        <translation>تعذّر فحص الجودة</translation>
    </message>
    <message>
        <source>Checking the document…</source>
        <translation>جارٍ فحص المستند…</translation>
    </message>
    <message>
        <source>Cannot prepare the QA checks</source>
        <translation>تعذّر تجهيز فحوص الجودة</translation>
    </message>
    <message>
        <source>QA found errors</source>
        <translation>وجد فحص الجودة أخطاء</translation>
    </message>
    <message>
        <source>QA found errors in this segment. Approve it anyway?</source>
        <translation>وجد فحص الجودة أخطاء في هذا المقطع. أتعتمده مع ذلك؟</translation>
    </message>
    <message>
        <source>&amp;Approve anyway</source>
        <translation>ا&amp;عتماد مع ذلك</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>ال&amp;رجوع</translation>
    </message>
    <message>
        <source>Ignore this finding</source>
        <translation>تجاهل هذه الملاحظة</translation>
    </message>
    <message>
        <source>Segment {number}: {message}

Why can this be ignored? The reason is kept with the project.</source>
        <translation>المقطع {number}: {message}

لماذا يمكن تجاهل هذه الملاحظة؟ يُحفظ السبب مع المشروع.</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>This project is read-only ({reason}): you can read, search, check and export it, but not change it. To work on it, copy it to a folder you may write in and open the copy.</source>
        <translation>هذا المشروع للقراءة فقط ({reason}): يمكنك قراءته والبحث فيه وفحصه وتصديره، لا تغييره. للعمل عليه انسخه إلى مجلد لك إذن الكتابة فيه وافتح النسخة.</translation>
    </message>
</context>
<context>
    <name>ReadOnlyMode</name>
    <message>
        <source>The project cannot be changed</source>
        <extracomment>Every action that changes the project (its segments, its undo history, its memory or glossary link): the window knows its actions, and they are built after this. Fields good only for changing the project (the find bar&apos;s replacement text).</extracomment>
        <translation>لا يمكن تغيير المشروع</translation>
    </message>
</context>
<context>
    <name>SegmentModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Arabic source</source>
        <translation>المصدر العربي</translation>
    </message>
    <message>
        <source>English target</source>
        <translation>الهدف الإنجليزي</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>الثقة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Filled from a translation-memory match of {score}%: {text}</source>
        <translation>مملوء من تطابق في ذاكرة الترجمة بنسبة {score}%: {text}</translation>
    </message>
    <message>
        <source>Machine confidence {score}%: the engine&apos;s own estimate, not a TM match</source>
        <translation>ثقة الترجمة الآلية {score}%: تقدير المحرّك نفسه، لا تطابق من ذاكرة الترجمة</translation>
    </message>
    <message>
        <source>Paragraph {paragraph}, segment id {id}</source>
        <translation>الفقرة {paragraph}، معرّف المقطع {id}</translation>
    </message>
    <message>
        <source>Comments: {count} (see the Comments pane)</source>
        <translation>التعليقات: {count} (انظر لوحة التعليقات)</translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>No suggestions</source>
        <extracomment>How often a postponed reading of the dictionaries looks again whether the window is still busy. The words of the glossary&apos;s English, taken as known (set by the window when the glossary is read). Whether the window is busy with work the reading would slow down and be slowed by (pre-translation): the dictionaries are read once it is over (set by the window).</extracomment>
        <translation>لا اقتراحات</translation>
    </message>
    <message>
        <source>Add to my dictionary</source>
        <translation>إضافة إلى قاموسي</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>تجاهل</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split segment</source>
        <translation>تقسيم المقطع</translation>
    </message>
    <message>
        <source>Click where the segment should be split, then press OK.</source>
        <translation>انقر حيث يجب تقسيم المقطع، ثم اضغط «موافق».</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <source>Post-editing effort</source>
        <translation>جهد التحرير اللاحق</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <extracomment>Sort key of the match column by band: best first (`band_order`). Sort key for segments with neither a machine confidence nor a TM score: last in &quot;least confident first&quot;.</extracomment>
        <translation>جديد</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>آلي</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>معتمد</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>مرفوض</translation>
    </message>
</context>
<context>
    <name>TagChips</name>
    <message>
        <source>Unknown tag</source>
        <extracomment>What a mark becomes in a grid cell&apos;s layout: a bullet, a neutral character for the bidi algorithm (class ON) that sticks to the letters beside it, so a chip is never wrapped away from its word. Room between a chip and the letters on either side, in pixels.</extracomment>
        <translation>وسم غير معروف</translation>
    </message>
    <message>
        <source>Tag {number}, start: {kind}</source>
        <translation>الوسم {number}، بدايته: {kind}</translation>
    </message>
    <message>
        <source>Tag {number}, end: {kind}</source>
        <translation>الوسم {number}، نهايته: {kind}</translation>
    </message>
    <message>
        <source>Tag {number}: {kind}</source>
        <translation>الوسم {number}: {kind}</translation>
    </message>
</context>
<context>
    <name>TagTypes</name>
    <message>
        <source>bold</source>
        <extracomment>The core&apos;s names (`tarjama.inline_tags.TAG_TYPE_NAMES`) marked for lupdate; a test keeps the two equal.</extracomment>
        <translation>عريض</translation>
    </message>
    <message>
        <source>italic</source>
        <translation>مائل</translation>
    </message>
    <message>
        <source>underline</source>
        <translation>مسطّر</translation>
    </message>
    <message>
        <source>link</source>
        <translation>رابط</translation>
    </message>
    <message>
        <source>formatting</source>
        <translation>تنسيق</translation>
    </message>
    <message>
        <source>footnote</source>
        <translation>حاشية سفلية</translation>
    </message>
    <message>
        <source>endnote</source>
        <translation>حاشية ختامية</translation>
    </message>
    <message>
        <source>line break</source>
        <translation>فاصل أسطر</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>جدولة</translation>
    </message>
    <message>
        <source>image</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>field</source>
        <translation>حقل</translation>
    </message>
    <message>
        <source>special character</source>
        <translation>حرف خاص</translation>
    </message>
</context>
<context>
    <name>TeamMemoryDialog</name>
    <message>
        <source>Connect to team memory</source>
        <translation>الاتصال بذاكرة الفريق</translation>
    </message>
    <message>
        <source>The address of the translation memory your team shares on a PostgreSQL server. Lookups use a copy on this computer, so they work offline too; your approvals are sent when the server can be reached. If the server asks for a password, type it below (never in the address): the system keyring can keep it, or your password file (PGPASSFILE or ~/.pgpass).</source>
        <translation>عنوان ذاكرة الترجمة التي يتشاركها فريقك على خادم PostgreSQL. يُبحث في نسخة على هذا الحاسوب، فيعمل البحث دون اتصال أيضًا؛ وتُرسَل اعتماداتك حين يمكن الوصول إلى الخادم. إن طلب الخادم كلمة مرور فاكتبها أدناه (لا في العنوان أبدًا): يمكن أن تحفظها حافظة كلمات مرور النظام، أو ملف كلمات المرور (PGPASSFILE أو ~/.pgpass).</translation>
    </message>
    <message>
        <source>Password, if the server asks for one</source>
        <translation>كلمة المرور، إن طلبها الخادم</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keyring</source>
        <translation>&amp;تذكّر كلمة المرور في حافظة كلمات مرور النظام</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>ا&amp;ختبار الاتصال</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>ا&amp;تصال</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>Connected to {server}. It is read-only for you: you get its matches, and your approvals stay on this computer.</source>
        <translation>تم الاتصال بـ {server}. إنه للقراءة فقط بالنسبة إليك: تحصل على مطابقاته، وتبقى اعتماداتك على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Connected to {server}. Your approvals will be added to it.</source>
        <translation>تم الاتصال بـ {server}. ستُضاف إليه اعتماداتك.</translation>
    </message>
</context>
<context>
    <name>TeamMemorySync</name>
    <message>
        <source>Cannot use this team memory</source>
        <extracomment>A sync this long after the last change of the project: a run of approvals makes one sync, not one each. And this often while the project is open, to bring in the team&apos;s approvals. Seconds a sync waits for the server to answer before counting it offline. What the last sync (or the replica, before one) said.</extracomment>
        <translation>تعذّر استخدام ذاكرة الفريق هذه</translation>
    </message>
    <message>
        <source>Approved locally; the team memory is read-only for you.</source>
        <translation>اعتُمد محليًا؛ ذاكرة الفريق للقراءة فقط بالنسبة إليك.</translation>
    </message>
    <message>
        <source>Changed locally; the team memory is read-only for you.</source>
        <translation>غُيّر محليًا؛ ذاكرة الفريق للقراءة فقط بالنسبة إليك.</translation>
    </message>
    <message>
        <source>Team memory: offline ({count} waiting)</source>
        <translation>ذاكرة الفريق: غير متصلة ({count} في الانتظار)</translation>
    </message>
    <message>
        <source>Team memory: read-only</source>
        <translation>ذاكرة الفريق: للقراءة فقط</translation>
    </message>
    <message>
        <source>Team memory: online</source>
        <translation>ذاكرة الفريق: متصلة</translation>
    </message>
    <message>
        <source>Team memory: connecting…</source>
        <translation>ذاكرة الفريق: جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>Last synced: {time} (UTC)</source>
        <translation>آخر مزامنة: {time} (بالتوقيت العالمي)</translation>
    </message>
    <message>
        <source>Changes waiting to be sent (approvals and TM edits): {count}</source>
        <translation>تغييرات تنتظر الإرسال (اعتمادات وتعديلات في الذاكرة): {count}</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <source>Add a glossary term</source>
        <extracomment>Several English terms, or forbidden variants, go in one field separated by this.</extracomment>
        <translation>إضافة مصطلح إلى المسرد</translation>
    </message>
    <message>
        <source>Select the term in the segment&apos;s source, or type it below:</source>
        <translation>حدّد المصطلح في مصدر المقطع، أو اكتبه أدناه:</translation>
    </message>
    <message>
        <source>Preferred first; alternatives after “;”</source>
        <translation>المفضّل أولًا، والبدائل بعد «;»</translation>
    </message>
    <message>
        <source>English not to use, separated by “;”</source>
        <translation>ترجمات إنجليزية لا تُستخدم، مفصولة بـ «;»</translation>
    </message>
    <message>
        <source>Arabic term:</source>
        <translation>المصطلح العربي:</translation>
    </message>
    <message>
        <source>English:</source>
        <translation>الإنجليزية:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>ملاحظة:</translation>
    </message>
    <message>
        <source>Forbidden:</source>
        <translation>المحظور:</translation>
    </message>
</context>
<context>
    <name>TmEditor</name>
    <message>
        <source>Edit translation memory: {name}</source>
        <extracomment>A unit of the memory changed: the window&apos;s matches and concordance look again.</extracomment>
        <translation>تحرير ذاكرة الترجمة: {name}</translation>
    </message>
    <message>
        <source>&amp;Delete unit</source>
        <translation>&amp;حذف الوحدة</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>ترا&amp;جع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>Found: {n}</source>
        <translation>النتائج: {n}</translation>
    </message>
    <message>
        <source>Edit unit</source>
        <translation>تحرير الوحدة</translation>
    </message>
    <message>
        <source>Cannot change the unit</source>
        <translation>تعذّر تغيير الوحدة</translation>
    </message>
    <message>
        <source>Delete unit</source>
        <translation>حذف الوحدة</translation>
    </message>
    <message>
        <source>Cannot delete the unit</source>
        <translation>تعذّر حذف الوحدة</translation>
    </message>
    <message>
        <source>Cannot undo or redo</source>
        <translation>تعذّر التراجع أو الإعادة</translation>
    </message>
</context>
<context>
    <name>TmMenu</name>
    <message>
        <source>&amp;New translation memory…</source>
        <translation>ذاكرة ترجمة &amp;جديدة…</translation>
    </message>
    <message>
        <source>&amp;Open translation memory…</source>
        <translation>&amp;فتح ذاكرة ترجمة…</translation>
    </message>
    <message>
        <source>Connect to &amp;team memory…</source>
        <extracomment>The open project&apos;s team memory: linking it, and its background sync and status-bar label.</extracomment>
        <translation>الاتصال بذاكرة ال&amp;فريق…</translation>
    </message>
    <message>
        <source>&amp;Import TMX…</source>
        <translation>ا&amp;ستيراد TMX…</translation>
    </message>
    <message>
        <source>&amp;Export TMX (the whole memory)…</source>
        <translation>&amp;تصدير TMX (الذاكرة كلها)…</translation>
    </message>
    <message>
        <source>Export TMX (this project&apos;s &amp;approved segments)…</source>
        <translation>تصدير TMX (المقاطع ال&amp;معتمدة في هذا المشروع)…</translation>
    </message>
    <message>
        <source>E&amp;dit translation memory…</source>
        <translation>&amp;تحرير ذاكرة الترجمة…</translation>
    </message>
    <message>
        <source>TM match &amp;threshold…</source>
        <translation>&amp;حد التطابق في الذاكرة…</translation>
    </message>
    <message>
        <source>Create a translation memory</source>
        <extracomment>Enabled only while a project is open. The TM editor of the memory last edited, kept with its undo stack while that memory is the one to edit.</extracomment>
        <translation>إنشاء ذاكرة ترجمة</translation>
    </message>
    <message>
        <source>Translation memories (*{suffix})</source>
        <translation>ذواكر الترجمة (*{suffix})</translation>
    </message>
    <message>
        <source>Cannot create the translation memory</source>
        <translation>تعذّر إنشاء ذاكرة الترجمة</translation>
    </message>
    <message>
        <source>Use a translation memory for this project</source>
        <translation>استخدام ذاكرة ترجمة لهذا المشروع</translation>
    </message>
    <message>
        <source>Approved segments now go to the translation memory {path}.</source>
        <translation>تذهب المقاطع المعتمدة الآن إلى ذاكرة الترجمة {path}.</translation>
    </message>
    <message>
        <source>No translation memory</source>
        <translation>لا توجد ذاكرة ترجمة</translation>
    </message>
    <message>
        <source>This project has no translation memory. Open or create one first.</source>
        <translation>ليست لهذا المشروع ذاكرة ترجمة. افتح ذاكرة أو أنشئها أولًا.</translation>
    </message>
    <message>
        <source>Import a TMX file</source>
        <translation>استيراد ملف TMX</translation>
    </message>
    <message>
        <source>TMX files (*.tmx);;All files (*)</source>
        <translation>ملفات TMX (*.tmx);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Imported {name}: {added} units added, {merged} merged with units already there.</source>
        <translation>استُورد {name}: وحدات مضافة: {added}، ومدموجة مع وحدات موجودة: {merged}.</translation>
    </message>
    <message>
        <source>{n} skipped (no Arabic or English text, or other languages).</source>
        <translation>وحدات متروكة: {n} (بلا نص عربي أو إنجليزي، أو بلغات أخرى).</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>جارٍ استيراد {name}…</translation>
    </message>
    <message>
        <source>Cannot import the TMX file</source>
        <translation>تعذّر استيراد ملف TMX</translation>
    </message>
    <message>
        <source>Import cancelled; the translation memory was not changed.</source>
        <translation>أُلغي الاستيراد، ولم تتغير ذاكرة الترجمة.</translation>
    </message>
    <message>
        <source>Export as TMX</source>
        <translation>تصدير بصيغة TMX</translation>
    </message>
    <message>
        <source>TMX files (*.tmx)</source>
        <translation>ملفات TMX (*.tmx)</translation>
    </message>
    <message>
        <source>Exported {count} units to {path}.</source>
        <translation>صُدِّرت الوحدات ({count}) إلى {path}.</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>جارٍ التصدير إلى {name}…</translation>
    </message>
    <message>
        <source>Cannot export the TMX file</source>
        <translation>تعذّر تصدير ملف TMX</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>أُلغي التصدير، ولم يُكتب أي ملف.</translation>
    </message>
    <message>
        <source>TM match threshold</source>
        <translation>حد التطابق في الذاكرة</translation>
    </message>
    <message>
        <source>Pre-translation fills a segment from the translation memory when a match scores at least (101 = only matches whose neighbouring sentences are the same too):</source>
        <translation>تملأ الترجمة المسبقة المقطع من ذاكرة الترجمة إذا بلغت نسبة التطابق على الأقل (101 = التطابقات التي تتطابق جملها المجاورة أيضًا فقط):</translation>
    </message>
</context>
<context>
    <name>TmPane</name>
    <message>
        <source>Human</source>
        <extracomment>Bare `translate(&quot;Context&quot;, &quot;text&quot;)` calls are what lupdate extracts outside a QObject&apos;s methods.</extracomment>
        <translation>بشرية</translation>
    </message>
    <message>
        <source>Post-edited MT</source>
        <translation>ترجمة آلية محرّرة</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>مستوردة</translation>
    </message>
    <message>
        <source>numbers differ</source>
        <translation>الأرقام مختلفة</translation>
    </message>
    <message>
        <source>punctuation differs</source>
        <translation>علامات الترقيم مختلفة</translation>
    </message>
    <message>
        <source>Context match: the neighbouring sentences are the same too.</source>
        <translation>تطابق سياقي: الجمل المجاورة متطابقة أيضًا.</translation>
    </message>
    <message>
        <source>Exact match.</source>
        <translation>تطابق تام.</translation>
    </message>
    <message>
        <source>Fuzzy match: the highlighted words of its source differ from this segment.</source>
        <translation>تطابق جزئي: الكلمات المظلَّلة في مصدره تختلف عن هذا المقطع.</translation>
    </message>
    <message>
        <source>Ctrl+Shift+{n}</source>
        <translation>Ctrl+Shift+{n}</translation>
    </message>
    <message>
        <source>Pre-translated from a {score}% match: {text}</source>
        <translation>مترجم مسبقًا من تطابق بنسبة {score}%: {text}</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>Matches: {n}</source>
        <translation>التطابقات: {n}</translation>
    </message>
    <message>
        <source>No translation-memory matches.</source>
        <translation>لا توجد تطابقات في ذاكرة الترجمة.</translation>
    </message>
</context>
<context>
    <name>TmPanels</name>
    <message>
        <source>Translation memory</source>
        <extracomment>Moving through segments with Ctrl+Down looks up only the one the translator stops at.</extracomment>
        <translation>ذاكرة الترجمة</translation>
    </message>
    <message>
        <source>Concordance</source>
        <translation>البحث السياقي</translation>
    </message>
    <message>
        <source>Cannot use this translation memory</source>
        <extracomment>What a large import left for concordance, indexed in the background (`concordance_build`).</extracomment>
        <translation>تعذّر استخدام ذاكرة الترجمة هذه</translation>
    </message>
    <message>
        <source>TM: {name}</source>
        <translation>الذاكرة: {name}</translation>
    </message>
    <message>
        <source>TM: none</source>
        <translation>الذاكرة: لا توجد</translation>
    </message>
    <message>
        <source>No translation memory: approved segments are not being saved for reuse.</source>
        <translation>لا توجد ذاكرة ترجمة: المقاطع المعتمدة لا تُحفظ لإعادة استخدامها.</translation>
    </message>
</context>
<context>
    <name>TmProblemBanner</name>
    <message>
        <source>Use my default memory</source>
        <translation>استخدام ذاكرتي الافتراضية</translation>
    </message>
    <message>
        <source>Choose a memory…</source>
        <translation>اختيار ذاكرة…</translation>
    </message>
    <message>
        <source>Translation memory: {problem}</source>
        <translation>ذاكرة الترجمة: {problem}</translation>
    </message>
</context>
<context>
    <name>TrackChangesView</name>
    <message>
        <source>No machine translation or TM match to compare this segment with.</source>
        <translation>لا ترجمة آلية ولا تطابق من الذاكرة لمقارنة هذا المقطع به.</translation>
    </message>
    <message>
        <source>Compared with the TM match ({score}%)</source>
        <translation>مقارنةً بتطابق الذاكرة ({score}%)</translation>
    </message>
    <message>
        <source>Compared with the machine translation</source>
        <translation>مقارنةً بالترجمة الآلية</translation>
    </message>
    <message>
        <source>{caption}: words inserted {inserted}, deleted {deleted}</source>
        <translation>{caption}: كلمات مُدرجة {inserted}، محذوفة {deleted}</translation>
    </message>
</context>
<context>
    <name>UnitTableModel</name>
    <message>
        <source>Source</source>
        <extracomment>How long a write waits for another program&apos;s to end, on the editor&apos;s thread, before saying the memory is busy.</extracomment>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>الهدف</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>تاريخ التغيير</translation>
    </message>
</context>
<context>
    <name>_Counter</name>
    <message>
        <source>{label}
{count} units so far</source>
        <translation>{label}
الوحدات حتى الآن: {count}</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AlternativesPane</name>
    <message>
        <source>Post-editing: {effort}</source>
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
    <name>Commands</name>
    <message>
        <source>Split segment</source>
        <extracomment>Bare `translate(&quot;Context&quot;, &quot;text&quot;)` calls are what lupdate extracts outside a QObject&apos;s methods.</extracomment>
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
</context>
<context>
    <name>ConcordancePanel</name>
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
        <source>&amp;Import glossary (CSV, TSV, TBX)…</source>
        <translation>ا&amp;ستيراد مسرد (CSV أو TSV أو TBX)…</translation>
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
        <source>Glossary files (*.csv *.tsv *.tbx);;All files (*)</source>
        <translation>ملفات المسارد (*.csv *.tsv *.tbx);;كل الملفات (*)</translation>
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
        <extracomment>View → Show segments, by English name; marked for lupdate here and translated where the menu is built.</extracomment>
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
        <source>&amp;Translation</source>
        <translation>التر&amp;جمة</translation>
    </message>
    <message>
        <source>Translation &amp;packages…</source>
        <translation>&amp;حزم الترجمة…</translation>
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
        <source>&amp;Least confident first</source>
        <translation>الأ&amp;قل ثقة أولًا</translation>
    </message>
    <message>
        <source>S&amp;tatistics…</source>
        <translation>الإ&amp;حصاءات…</translation>
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
        <source>This is the last segment of its paragraph: there is no next segment to merge.</source>
        <translation>هذا آخر مقطع في فقرته: لا يوجد مقطع تالٍ لدمجه.</translation>
    </message>
    <message>
        <source>{count} segments</source>
        <translation>المقاطع: {count}</translation>
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
        <source>Replaced in {count} segments.</source>
        <translation>المقاطع التي جرى فيها الاستبدال: {count}.</translation>
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
        <source>{approved_label}: {a}/{n} segments, {aw}/{w} words ({percent}%)</source>
        <translation>{approved_label}: المقاطع {a}/{n}، الكلمات {aw}/{w} ({percent}%)</translation>
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
        <source>Translation packages (*.argosmodel);;All files (*)</source>
        <translation>حزم الترجمة (*.argosmodel);;كل الملفات (*)</translation>
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
        <source>Used for machine translation</source>
        <translation>مستخدمة للترجمة الآلية</translation>
    </message>
    <message>
        <source>Not used (a newer one is installed)</source>
        <translation>غير مستخدمة (توجد أحدث منها مثبّتة)</translation>
    </message>
    <message>
        <source>Not used (other languages)</source>
        <translation>غير مستخدمة (لغات أخرى)</translation>
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
        <source>Paragraph {paragraph}, segment id {id}</source>
        <translation>الفقرة {paragraph}، معرّف المقطع {id}</translation>
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
        <extracomment>Sort key for segments with neither a machine confidence nor a TM score: last in &quot;least confident first&quot;.</extracomment>
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
        <source>TM match &amp;threshold…</source>
        <translation>&amp;حد التطابق في الذاكرة…</translation>
    </message>
    <message>
        <source>Create a translation memory</source>
        <extracomment>Enabled only while a project is open.</extracomment>
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
    <name>_Counter</name>
    <message>
        <source>{label}
{count} units so far</source>
        <translation>{label}
الوحدات حتى الآن: {count}</translation>
    </message>
</context>
</TS>

; Inno Setup script of the Windows installer: the PyInstaller bundle (tarjama.exe and tarjama-cli.exe) in
; Program Files, a Start menu entry, an optional desktop icon. Uninstalling removes the program only: projects,
; translation memories and installed translation packages stay in the user's %LOCALAPPDATA%\tarjama.
;
; Built by .github/workflows/installers.yml after PyInstaller:
;   iscc /DAppVersion=0.1.0 packaging\windows\tarjama.iss
;   iscc /DAppVersion=0.1.0 /DEdition=offline packaging\windows\tarjama.iss   (the bundle with a translation package)
; Paths are relative to this file; the icon is made by packaging/render_icons.py.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z tarjama.iss
#endif
#ifdef Edition
  #define Bundle "..\build\dist\tarjama-" + Edition
  #define OutputName "tarjama-" + Edition + "-" + AppVersion + "-setup"
#else
  #define Bundle "..\build\dist\tarjama"
  #define OutputName "tarjama-" + AppVersion + "-setup"
#endif

[Setup]
; One AppId for both editions: installing the offline edition replaces the plain one in place, and the reverse.
AppId={{ABB8C1C1-B77C-4CA6-B68B-0CBD431D9E27}
AppName=Tarjama
AppVersion={#AppVersion}
AppPublisher=The Tarjama developers
AppComments=Review Arabic to English machine translation on this computer
DefaultDirName={autopf}\Tarjama
DefaultGroupName=Tarjama
DisableProgramGroupPage=yes
; Per-user installation needs no administrator; the user may still choose an all-users one.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\build
OutputBaseFilename={#OutputName}
SetupIconFile=..\build\icons\tarjama.ico
UninstallDisplayIcon={app}\tarjama.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Arabic ships with Inno Setup from 6.5 on; older compilers build an English-only installer.
#if FileExists(CompilerPath + "Languages\Arabic.isl")
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole bundle; files left by an older version that the new one no longer has are removed first.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Tarjama"; Filename: "{app}\tarjama.exe"; Comment: "Review Arabic to English translation"
Name: "{autodesktop}\Tarjama"; Filename: "{app}\tarjama.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\tarjama.exe"; Description: "{cm:LaunchProgram,Tarjama}"; Flags: nowait postinstall skipifsilent

; Inno Setup script for the Windows installer of Sổ Vàng (run after installer\build.bat).
; Untested on Windows so far: see README "For contributors".
#define AppVersion "0.1.0"

[Setup]
AppId={{6B0E3F0A-5D1C-4E52-9B8E-50564E47A001}
AppName=Sổ Vàng
AppVersion={#AppVersion}
AppPublisher=Sổ Vàng
DefaultDirName={autopf}\SoVang
DefaultGroupName=Sổ Vàng
OutputDir=..\dist
OutputBaseFilename=SoVang-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
PrivilegesRequired=lowest
WizardStyle=modern

[Languages]
; Vietnamese is only among Inno Setup's unofficial translations: put Vietnamese.isl beside this
; script and use MessagesFile: "Vietnamese.isl" to have the wizard in Vietnamese.
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\SoVang\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Sổ Vàng"; Filename: "{app}\SoVang.exe"
Name: "{userdesktop}\Sổ Vàng"; Filename: "{app}\SoVang.exe"

[Run]
Filename: "{app}\SoVang.exe"; Description: "Mở Sổ Vàng"; Flags: nowait postinstall skipifsilent

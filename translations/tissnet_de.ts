<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ErrorText</name>
    <message>
        <source>%1 failed: %2.</source>
        <translation>%1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>%1 failed.
File: %2
Reason: %3.
Fix or replace the file and try again; nothing else was changed.</source>
        <translation>%1 ist fehlgeschlagen.
Datei: %2
Grund: %3.
Korrigieren oder ersetzen Sie die Datei und versuchen Sie es erneut; sonst wurde nichts verändert.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner wählen</translation>
    </message>
</context>
<context>
    <name>tiss::ui::CasePage</name>
    <message>
        <source>%1 × %2 × %3 voxels of %4 × %5 × %6 mm</source>
        <translation>%1 × %2 × %3 Voxel zu %4 × %5 × %6 mm</translation>
    </message>
    <message>
        <source>tumor %1 mL</source>
        <translation>Tumor %1 mL</translation>
    </message>
    <message>
        <source>Slice viewers for this case open here.</source>
        <translation>Die Schichtansichten dieses Falls öffnen sich hier.</translation>
    </message>
</context>
<context>
    <name>tiss::ui::CaseTableModel</name>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>val</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Axial slice through the tumor&apos;s largest extent</source>
        <translation>Axiale Schicht durch die größte Ausdehnung des Tumors</translation>
    </message>
    <message>
        <source>%1 × %2 × %3</source>
        <translation>%1 × %2 × %3</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 mm</source>
        <translation>%1 × %2 × %3 mm</translation>
    </message>
    <message>
        <source>%1 mL</source>
        <translation>%1 mL</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>headers OK, reading…</source>
        <translation>Header OK, lese…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Vorschaubilder</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalitäten</translation>
    </message>
    <message>
        <source>Size (voxels)</source>
        <translation>Größe (Voxel)</translation>
    </message>
    <message>
        <source>Spacing</source>
        <translation>Voxelabstand</translation>
    </message>
    <message>
        <source>Tumor volume</source>
        <translation>Tumorvolumen</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>tiss::ui::DatasetBrowserPanel</name>
    <message>
        <source>Saving the split</source>
        <translation>Speichern der Aufteilung</translation>
    </message>
    <message>
        <source>Filter cases by id (Ctrl+F)</source>
        <translation>Fälle nach Kennung filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Cases with problems</source>
        <translation>Fälle mit Problemen</translation>
    </message>
    <message>
        <source>All parts</source>
        <translation>Alle Teile</translation>
    </message>
    <message>
        <source>Move selected</source>
        <translation>Auswahl verschieben</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Re-draw split</source>
        <translation>Neu aufteilen</translation>
    </message>
    <message>
        <source>Save split</source>
        <translation>Aufteilung speichern</translation>
    </message>
    <message>
        <source>%1 of %2 cases, %3 with problems</source>
        <translation>%1 von %2 Fällen, %3 mit Problemen</translation>
    </message>
</context>
<context>
    <name>tiss::ui::DatasetSession</name>
    <message>
        <source>Opening the data set</source>
        <translation>Öffnen des Datensatzes</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>Prüfe %1</translation>
    </message>
</context>
<context>
    <name>tiss::ui::MainWindow</name>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Saving the workspace</source>
        <translation>Speichern des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Check cancelled</source>
        <translation>Prüfung abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n case(s), %1 with problems</source>
        <translation>
            <numerusform>%n Fall geprüft, %1 mit Problemen</numerusform>
            <numerusform>%n Fälle geprüft, %1 mit Problemen</numerusform>
        </translation>
    </message>
    <message>
        <source>TISS Workbench</source>
        <translation>TISS-Workbench</translation>
    </message>
    <message>
        <source>TISS Workbench — %1</source>
        <translation>TISS-Workbench — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Recent &amp;Workspaces</source>
        <translation>Zuletzt verwendete &amp;Arbeitsbereiche</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>&amp;Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>&amp;Open Data Set…</source>
        <translation>Datensatz ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Rescan Data Set</source>
        <translation>Datensatz &amp;neu prüfen</translation>
    </message>
    <message>
        <source>&amp;Save Split</source>
        <translation>Aufteilung &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find Cases</source>
        <translation>Fälle &amp;suchen</translation>
    </message>
    <message>
        <source>Show Only Cases With &amp;Problems</source>
        <translation>Nur Fälle mit &amp;Problemen zeigen</translation>
    </message>
    <message>
        <source>&amp;Close Case Page</source>
        <translation>Fallseite s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About TISS Workbench</source>
        <translation>Ü&amp;ber TISS-Workbench</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the background task (Esc)</source>
        <translation>Hintergrundaufgabe abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Data Set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Opening the workspace</source>
        <translation>Öffnen des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>Arbeitsbereich %1</translation>
    </message>
    <message>
        <source>Open or create a workspace folder</source>
        <translation>Arbeitsbereich-Ordner öffnen oder anlegen</translation>
    </message>
    <message>
        <source>Open a data set folder</source>
        <translation>Datensatz-Ordner öffnen</translation>
    </message>
    <message>
        <source>About TISS Workbench</source>
        <translation>Über TISS-Workbench</translation>
    </message>
    <message>
        <source>&lt;b&gt;TISS Workbench&lt;/b&gt; %1&lt;br&gt;Synthesis of a missing MRI modality and brain-tumor segmentation with TISS-Net.</source>
        <translation>&lt;b&gt;TISS-Workbench&lt;/b&gt; %1&lt;br&gt;Synthese einer fehlenden MRT-Modalität und Segmentierung von Hirntumoren mit TISS-Net.</translation>
    </message>
    <message>
        <source>Unsaved split</source>
        <translation>Aufteilung nicht gespeichert</translation>
    </message>
    <message>
        <source>The edited split is not saved. Save it now?</source>
        <translation>Die bearbeitete Aufteilung ist nicht gespeichert. Jetzt speichern?</translation>
    </message>
</context>
<context>
    <name>tiss::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation>Automatisch (CUDA, wenn verfügbar)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA (GPU 0)</source>
        <translation>CUDA (GPU 0)</translation>
    </message>
    <message>
        <source>Compute device</source>
        <translation>Rechengerät</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>Ordner für Läufe</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
</context>
<context>
    <name>tiss::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
</context>
</TS>

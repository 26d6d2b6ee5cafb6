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
    <message>
        <source>Real vs synthesized</source>
        <translation>Real gegen synthetisch</translation>
    </message>
    <message>
        <source>Real target</source>
        <translation>Reale Zielmodalität</translation>
    </message>
    <message>
        <source>Synthesized target</source>
        <translation>Synthetisierte Zielmodalität</translation>
    </message>
    <message>
        <source>|Real − synthesized|</source>
        <translation>|Real − synthetisch|</translation>
    </message>
    <message>
        <source>Ground truth vs coarse vs fine</source>
        <translation>Referenz gegen grob gegen fein</translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Coarse y_c</source>
        <translation>Grob y_c</translation>
    </message>
    <message>
        <source>Fine y_f</source>
        <translation>Fein y_f</translation>
    </message>
    <message>
        <source>All modalities</source>
        <translation>Alle Modalitäten</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>TISS Workbench: brain-tumor MRI synthesis and segmentation</source>
        <translation>TISS-Workbench: MRT-Synthese und Segmentierung von Hirntumoren</translation>
    </message>
    <message>
        <source>Workspace folder (default: the last one, else ~/TissWorkbench).</source>
        <translation>Arbeitsbereich-Ordner (Standard: der zuletzt verwendete, sonst ~/TissWorkbench).</translation>
    </message>
    <message>
        <source>Data set folder to open and add to the workspace.</source>
        <translation>Datensatz-Ordner, der geöffnet und dem Arbeitsbereich hinzugefügt wird.</translation>
    </message>
    <message>
        <source>Settings file to use instead of the user&apos;s.</source>
        <translation>Einstellungsdatei anstelle der des Benutzers.</translation>
    </message>
    <message>
        <source>Save the window as PNG once the data set is checked, then quit.</source>
        <translation>Fenster als PNG speichern, sobald der Datensatz geprüft ist, dann beenden.</translation>
    </message>
    <message>
        <source>Open this case of the data set in the slice viewers.</source>
        <translation>Diesen Fall des Datensatzes in den Schichtansichten öffnen.</translation>
    </message>
    <message>
        <source>Show this tissnet infer output folder with the case (repeatable).</source>
        <translation>Diesen Ausgabeordner von tissnet infer mit dem Fall zeigen (wiederholbar).</translation>
    </message>
    <message>
        <source>Layout of the case: modalities, synthesis, masks or grid.</source>
        <translation>Anordnung des Falls: modalities, synthesis, masks oder grid.</translation>
    </message>
    <message>
        <source>Slice axis of the case: axial, coronal or sagittal.</source>
        <translation>Schichtachse des Falls: axial, coronal oder sagittal.</translation>
    </message>
    <message>
        <source>Show the case&apos;s 3D view.</source>
        <translation>Die 3D-Ansicht des Falls zeigen.</translation>
    </message>
    <message>
        <source>Show this run folder in the training dashboard (repeatable: compared).</source>
        <translation>Diesen Laufordner im Trainings-Dashboard zeigen (wiederholbar: verglichen).</translation>
    </message>
    <message>
        <source>Show this sweep folder on the Sweeps page.</source>
        <translation>Diesen Sweep-Ordner auf der Seite „Sweeps“ zeigen.</translation>
    </message>
    <message>
        <source>Write the sweep&apos;s plot (.png, .svg or .pdf), then quit.</source>
        <translation>Das Diagramm des Sweeps schreiben (.png, .svg oder .pdf), dann beenden.</translation>
    </message>
    <message>
        <source>Metric of the sweep plot (e.g. dice_pct; default: the sweep&apos;s).</source>
        <translation>Metrik des Sweep-Diagramms (z. B. dice_pct; Standard: die des Sweeps).</translation>
    </message>
    <message>
        <source>Second swept key: draw a heat map over both.</source>
        <translation>Zweiter variierter Schlüssel: eine Heatmap über beide zeichnen.</translation>
    </message>
    <message>
        <source>%1 has no case &apos;%2&apos; (--case)</source>
        <translation>%1 hat keinen Fall „%2“ (--case)</translation>
    </message>
    <message>
        <source>Swept key on the plot&apos;s x axis (default: the first; all: a panel per swept key; parallel: parallel coordinates; pareto: synthesis quality vs the metric).</source>
        <translation>Variierter Schlüssel auf der x-Achse des Diagramms (Standard: der erste; all: ein Feld je Schlüssel; parallel: parallele Koordinaten; pareto: Synthesequalität gegen die Metrik).</translation>
    </message>
    <message>
        <source>Run this trained run on the --case (or the --open-case) and show its outputs (as Run model… does).</source>
        <translation>Diesen trainierten Lauf auf den --case (oder den --open-case) anwenden und seine Ausgaben zeigen (wie „Modell ausführen…“).</translation>
    </message>
    <message>
        <source>Open a case folder or image files without a data set, modalities guessed from the names (repeatable: several files).</source>
        <translation>Einen Fallordner oder Bilddateien ohne Datensatz öffnen, Modalitäten aus den Namen erraten (wiederholbar: mehrere Dateien).</translation>
    </message>
    <message>
        <source>--apply needs --case or --open-case</source>
        <translation>--apply braucht --case oder --open-case</translation>
    </message>
    <message>
        <source>With --run: show the dashboard&apos;s gradient norm charts.</source>
        <translation>Mit --run: die Diagramme der Gradientennormen im Dashboard zeigen.</translation>
    </message>
    <message>
        <source>Open a folder of DICOM files as a case, sequences guessed, series on another grid resampled (with --results, --layout, --axis as for --case).</source>
        <translation>Einen Ordner mit DICOM-Dateien als Fall öffnen, Sequenzen erraten, Serien auf anderem Gitter umgetastet (mit --results, --layout, --axis wie bei --case).</translation>
    </message>
    <message>
        <source>NIfTI files of a case, or a case, data set, run or DICOM folder to open (as the desktop&apos;s Open With does).</source>
        <translation>NIfTI-Dateien eines Falls, oder ein Fall-, Datensatz-, Lauf- oder DICOM-Ordner zum Öffnen (wie „Öffnen mit“ des Desktops).</translation>
    </message>
    <message>
        <source>tissnet-workbench: no display to open a window on (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset). Start it in a desktop session, under Xvfb (xvfb-run -a tissnet-workbench ...), or with QT_QPA_PLATFORM=offscreen to write --screenshot or --sweep-plot files without a screen; tissnet is the command line.</source>
        <translation>tissnet-workbench: keine Anzeige, auf der ein Fenster geöffnet werden kann (DISPLAY, WAYLAND_DISPLAY und QT_QPA_PLATFORM sind nicht gesetzt). Starten Sie es in einer Desktop-Sitzung, unter Xvfb (xvfb-run -a tissnet-workbench ...) oder mit QT_QPA_PLATFORM=offscreen, um --screenshot- oder --sweep-plot-Dateien ohne Bildschirm zu schreiben; tissnet ist die Kommandozeile.</translation>
    </message>
</context>
<context>
    <name>tiss::ui::ApplyModelModel</name>
    <message>
        <source>another model is running on a case; wait or cancel it</source>
        <translation>ein anderes Modell läuft gerade auf einem Fall; warten oder abbrechen</translation>
    </message>
    <message>
        <source>is not a run with a checkpoint</source>
        <translation>ist kein Lauf mit Checkpoint</translation>
    </message>
    <message>
        <source>cannot create the results folder</source>
        <translation>der Ergebnisordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot create a staging folder</source>
        <translation>ein Zwischenordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>tissnet infer stopped (exit code %1)</source>
        <translation>tissnet infer wurde beendet (Exit-Code %1)</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot move the results into place</source>
        <translation>die Ergebnisse können nicht an ihren Platz verschoben werden</translation>
    </message>
    <message>
        <source>holds too many results of runs with this name</source>
        <translation>enthält zu viele Ergebnisse von Läufen dieses Namens</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
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
    <message>
        <source>BraTS 2020/2021</source>
        <translation>BraTS 2020/2021</translation>
    </message>
    <message>
        <source>BraTS 2023-2025</source>
        <translation>BraTS 2023–2025</translation>
    </message>
    <message>
        <source>Medical Segmentation Decathlon (4D images)</source>
        <translation>Medical Segmentation Decathlon (4D-Bilder)</translation>
    </message>
    <message>
        <source>nnU-Net v2 raw dataset</source>
        <translation>nnU-Net-v2-Rohdatensatz</translation>
    </message>
    <message>
        <source>manifest.json</source>
        <translation>manifest.json</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Layout: %1 · task %2 · sources %3 · target %4 · label %5</source>
        <translation>Layout: %1 · Aufgabe %2 · Quellen %3 · Ziel %4 · Label %5</translation>
    </message>
    <message>
        <source>none (segmentation only)</source>
        <translation>keines (nur Segmentierung)</translation>
    </message>
    <message>
        <source> (values %1)</source>
        <translation> (Werte %1)</translation>
    </message>
    <message numerus="yes">
        <source> · %n case(s) from imagesTs, without a label</source>
        <translation>
            <numerusform> · %n Fall aus imagesTs, ohne Label</numerusform>
            <numerusform> · %n Fälle aus imagesTs, ohne Label</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) left out: %1</source>
        <translation>
            <numerusform>%n Fall ausgelassen: %1</numerusform>
            <numerusform>%n Fälle ausgelassen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>; and %1 more</source>
        <translation>; und %1 weitere</translation>
    </message>
    <message>
        <source>no data set is open</source>
        <translation>kein Datensatz ist geöffnet</translation>
    </message>
    <message>
        <source>has unsaved changes: save the split first (its test part is held out of every fold)</source>
        <translation>hat ungespeicherte Änderungen: speichern Sie zuerst die Aufteilung (ihr Testteil bleibt aus allen Folds heraus)</translation>
    </message>
    <message>
        <source>already exists (runs keep the split they were created with)</source>
        <translation>existiert bereits (Läufe behalten die Aufteilung, mit der sie angelegt wurden)</translation>
    </message>
    <message>
        <source>%1 folds need at least %1 labelled cases outside the test set; there are %2</source>
        <translation>%1 Folds brauchen mindestens %1 gelabelte Fälle außerhalb des Testteils; es gibt %2</translation>
    </message>
</context>
<context>
    <name>tiss::ui::CaseViewerModel</name>
    <message>
        <source>Real | synthesized | difference</source>
        <translation>Real | synthetisch | Differenz</translation>
    </message>
    <message>
        <source>Ground truth | coarse | fine</source>
        <translation>Referenz | grob | fein</translation>
    </message>
    <message>
        <source>All modalities and runs</source>
        <translation>Alle Modalitäten und Läufe</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Modalities with ground truth</source>
        <translation>Modalitäten mit Referenz</translation>
    </message>
    <message>
        <source>Opening the case</source>
        <translation>Öffnen des Falls</translation>
    </message>
    <message>
        <source>No real %1 in this case: the synthesized image is shown alone, without a difference map.</source>
        <translation>Kein echtes %1 in diesem Fall: das synthetisierte Bild wird allein gezeigt, ohne Differenzbild.</translation>
    </message>
    <message>
        <source>No ground truth in this case: masks are shown without Dice.</source>
        <translation>Keine Ground Truth in diesem Fall: Masken werden ohne Dice gezeigt.</translation>
    </message>
    <message>
        <source>%1: y_c was trained by its Dice loss and by S&apos;s losses through it (loss.coarse_gradient = %2): S may use it as a code rather than a mask, so its Dice is not that of a coarse segmentation.</source>
        <translation>%1: y_c wurde von seinem Dice-Verlust und über sich von den Verlusten von S trainiert (loss.coarse_gradient = %2): S kann es als Code statt als Maske nutzen, sein Dice ist daher nicht das einer groben Segmentierung.</translation>
    </message>
</context>
<context>
    <name>tiss::ui::CaseViewerPage</name>
    <message>
        <source>Could not open the case</source>
        <translation>Der Fall konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Reading images…</source>
        <translation>Lese Bilder…</translation>
    </message>
    <message>
        <source>Image shown in panel %1</source>
        <translation>Bild in Feld %1</translation>
    </message>
    <message>
        <source>Choose a folder written by tissnet infer</source>
        <translation>Einen von tissnet infer geschriebenen Ordner wählen</translation>
    </message>
    <message>
        <source>%1 holds no results for case %2 (expected %2/%2_&lt;output&gt;.nii.gz). Choose the --out folder of tissnet infer.</source>
        <translation>%1 enthält keine Ergebnisse für Fall %2 (erwartet: %2/%2_&lt;Ausgabe&gt;.nii.gz). Wählen Sie den --out-Ordner von tissnet infer.</translation>
    </message>
    <message>
        <source>Exporting the figure</source>
        <translation>Exportieren der Abbildung</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Koronal</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>Add results…</source>
        <translation>Ergebnisse hinzufügen…</translation>
    </message>
    <message>
        <source>Show the outputs of tissnet infer for this case</source>
        <translation>Die Ausgaben von tissnet infer für diesen Fall zeigen</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>Abbildung exportieren…</translation>
    </message>
    <message>
        <source>3D view</source>
        <translation>3D-Ansicht</translation>
    </message>
    <message>
        <source>Surfaces of the masks and three slice planes at the cursor (drag to rotate, R to reset)</source>
        <translation>Oberflächen der Masken und drei Schichtebenen am Cursor (Ziehen dreht, R setzt zurück)</translation>
    </message>
    <message>
        <source>Window: auto (0.5–99.5 %)</source>
        <translation>Fenster: automatisch (0,5–99,5 %)</translation>
    </message>
    <message>
        <source>Window: full range</source>
        <translation>Fenster: gesamter Bereich</translation>
    </message>
    <message>
        <source>Window: wide (0.1–99.9 %)</source>
        <translation>Fenster: weit (0,1–99,9 %)</translation>
    </message>
    <message>
        <source>Window: narrow (5–95 %)</source>
        <translation>Fenster: eng (5–95 %)</translation>
    </message>
    <message>
        <source>Window of every grey panel; right-drag in a panel to adjust it, A for automatic</source>
        <translation>Fenster aller Graubild-Felder; im Feld mit rechter Maustaste ziehen zum Anpassen, A für automatisch</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>Überlagerungen</translation>
    </message>
    <message>
        <source>Masks and probability maps: colour, opacity, contour</source>
        <translation>Masken und Wahrscheinlichkeitskarten: Farbe, Deckkraft, Kontur</translation>
    </message>
    <message>
        <source>Run model…</source>
        <translation>Modell anwenden…</translation>
    </message>
    <message>
        <source>Apply a finished run to this case (Ctrl+M); its outputs become a result source</source>
        <translation>Einen fertigen Lauf auf diesen Fall anwenden (Strg+M); seine Ausgaben werden eine Ergebnisquelle</translation>
    </message>
</context>
<context>
    <name>tiss::ui::CurvePlot</name>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
</context>
<context>
    <name>tiss::ui::DashboardPanel</name>
    <message>
        <source>Smoothing %1</source>
        <translation>Glättung %1</translation>
    </message>
    <message>
        <source>Export the loss plot or every curve</source>
        <translation>Verlustdiagramm oder alle Kurven exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;CSV data (*.csv)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf);;CSV-Daten (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>New run…</source>
        <translation>Neuer Lauf…</translation>
    </message>
    <message>
        <source>Open run folder…</source>
        <translation>Laufordner öffnen…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Ask the trainer to save a checkpoint and stop</source>
        <translation>Den Trainer bitten, einen Checkpoint zu speichern und anzuhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Continue from the last checkpoint</source>
        <translation>Vom letzten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>Dice (%)</source>
        <translation>Dice (%)</translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation>PSNR (dB)</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>epoch %1, iteration %2 / %3</source>
        <translation>Epoche %1, Iteration %2 / %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, %1 it/s, %2 min left</source>
        <translation>, %1 It./s, noch %2 min</translation>
    </message>
    <message>
        <source>PSNR of x_t&apos; (dB)</source>
        <translation>PSNR von x_t&apos; (dB)</translation>
    </message>
    <message>
        <source>perceptibility Dice (%)</source>
        <translation>Wahrnehmbarkeits-Dice (%)</translation>
    </message>
    <message>
        <source>best checkpoint by %1</source>
        <translation>bester Checkpoint nach %1</translation>
    </message>
    <message>
        <source>best checkpoint by %1: %2 at iteration %3</source>
        <translation>bester Checkpoint nach %1: %2 bei Iteration %3</translation>
    </message>
    <message>
        <source>total loss</source>
        <translation>Gesamtverlust</translation>
    </message>
    <message>
        <source>Group by seed</source>
        <translation>Nach Seed gruppieren</translation>
    </message>
    <message>
        <source>Runs whose configs differ only by their seed: one mean curve with a band of ± one standard deviation</source>
        <translation>Läufe, deren Konfiguration sich nur im Seed unterscheidet: eine Mittelwertkurve mit einem Band von ± einer Standardabweichung</translation>
    </message>
    <message numerus="yes">
        <source>%1 (mean of %n seed(s))</source>
        <translation>
            <numerusform>%1 (Mittel über %n Seed)</numerusform>
            <numerusform>%1 (Mittel über %n Seeds)</numerusform>
        </translation>
    </message>
    <message>
        <source>Gradient norms</source>
        <translation>Gradientennormen</translation>
    </message>
    <message>
        <source>One chart per network part: the norm of each loss group&apos;s gradient reaching it, as the run logged them (optim.gradient_norms_every)</source>
        <translation>Ein Diagramm je Netzteil: die Norm des Gradienten jeder Verlustgruppe, der es erreicht, wie der Lauf sie protokolliert hat (optim.gradient_norms_every)</translation>
    </message>
    <message>
        <source>‖∇‖ %1</source>
        <translation>‖∇‖ %1</translation>
    </message>
    <message>
        <source>coarse decoder (y_c)</source>
        <translation>Grob-Decoder (y_c)</translation>
    </message>
    <message>
        <source>synthesis decoder (x_t&apos;)</source>
        <translation>Synthese-Decoder (x_t&apos;)</translation>
    </message>
    <message>
        <source>G&apos;s encoder</source>
        <translation>Encoder von G</translation>
    </message>
    <message>
        <source>L_c</source>
        <translation>L_c</translation>
    </message>
    <message>
        <source>S&apos;s losses</source>
        <translation>Verluste von S</translation>
    </message>
    <message>
        <source>synthesis losses</source>
        <translation>Syntheseverluste</translation>
    </message>
    <message numerus="yes">
        <source>, %n rank(s): %1 it/s each, %2 MB all-reduced a step</source>
        <translation>
            <numerusform>, %n Rang: %1 it/s je Rang, %2 MB All-Reduce pro Schritt</numerusform>
            <numerusform>, %n Ränge: %1 it/s je Rang, %2 MB All-Reduce pro Schritt</numerusform>
        </translation>
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
    <message>
        <source>already exists</source>
        <translation>existiert bereits</translation>
    </message>
    <message>
        <source>Replace the folds?</source>
        <translation>Folds ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it? Runs keep the split they were created with.</source>
        <translation>%1 existiert bereits. Ersetzen? Läufe behalten die Aufteilung, mit der sie angelegt wurden.</translation>
    </message>
    <message>
        <source>Writing the cross-validation folds</source>
        <translation>Schreiben der Kreuzvalidierungs-Folds</translation>
    </message>
    <message>
        <source>Wrote %1 folds to splits_final.json (validation parts of %2 cases); a run trains one with data.fold</source>
        <translation>%1 Folds in splits_final.json geschrieben (Validierungsteile mit %2 Fällen); ein Lauf trainiert einen davon mit data.fold</translation>
    </message>
    <message>
        <source> folds</source>
        <translation> Folds</translation>
    </message>
    <message>
        <source>Cross-validation: folds over the labelled cases outside the test set</source>
        <translation>Kreuzvalidierung: Folds über die gelabelten Fälle außerhalb des Testteils</translation>
    </message>
    <message>
        <source>Write folds</source>
        <translation>Folds schreiben</translation>
    </message>
    <message>
        <source>Write splits_final.json (nnU-Net&apos;s format) with the seed shown; runs name a fold with data.fold</source>
        <translation>splits_final.json (Format von nnU-Net) mit dem gezeigten Seed schreiben; Läufe wählen einen Fold mit data.fold</translation>
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
    <message>
        <source>&amp;Paper Figure…</source>
        <translation>&amp;Publikationsabbildung…</translation>
    </message>
    <message>
        <source>Open a data set first: the figure&apos;s rows are its cases.</source>
        <translation>Öffnen Sie zuerst einen Datensatz: Die Zeilen der Abbildung sind seine Fälle.</translation>
    </message>
    <message>
        <source>This run&apos;s trainer is not running on this computer.</source>
        <translation>Der Trainer dieses Laufs läuft nicht auf diesem Rechner.</translation>
    </message>
    <message>
        <source>Resuming the run</source>
        <translation>Fortsetzen des Laufs</translation>
    </message>
    <message>
        <source>Open a run folder</source>
        <translation>Einen Laufordner öffnen</translation>
    </message>
    <message>
        <source>&amp;New Training Run…</source>
        <translation>&amp;Neuer Trainingslauf…</translation>
    </message>
    <message>
        <source>Open &amp;Run Folder…</source>
        <translation>&amp;Laufordner öffnen…</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Starting the training run</source>
        <translation>Starten des Trainingslaufs</translation>
    </message>
    <message>
        <source>New S&amp;weep…</source>
        <translation>Neuer S&amp;weep…</translation>
    </message>
    <message>
        <source>Open Swee&amp;p Folder…</source>
        <translation>Swee&amp;p-Ordner öffnen…</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>Sweeps</translation>
    </message>
    <message>
        <source>Creating the sweep</source>
        <translation>Anlegen des Sweeps</translation>
    </message>
    <message numerus="yes">
        <source>Created sweep %1 (%n job(s))</source>
        <translation>
            <numerusform>Sweep %1 angelegt (%n Job)</numerusform>
            <numerusform>Sweep %1 angelegt (%n Jobs)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a sweep folder</source>
        <translation>Einen Sweep-Ordner öffnen</translation>
    </message>
    <message>
        <source>Opening the sweep</source>
        <translation>Öffnen des Sweeps</translation>
    </message>
    <message>
        <source>Continuing the sweep</source>
        <translation>Fortsetzen des Sweeps</translation>
    </message>
    <message>
        <source>Sweep %1: scheduler started</source>
        <translation>Sweep %1: Warteschlange gestartet</translation>
    </message>
    <message>
        <source>Opening the data set</source>
        <translation>Öffnen des Datensatzes</translation>
    </message>
    <message>
        <source>Results of %1 for case %2 in %3</source>
        <translation>Ergebnisse von %1 für Fall %2 in %3</translation>
    </message>
    <message>
        <source>Running the model failed: %1</source>
        <translation>Das Anwenden des Modells ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Model run cancelled; nothing was kept</source>
        <translation>Modelllauf abgebrochen; nichts wurde behalten</translation>
    </message>
    <message>
        <source>No finished run in this workspace: train one (Training page) or open a run folder first.</source>
        <translation>Kein fertiger Lauf in diesem Arbeitsbereich: zuerst einen trainieren (Seite Training) oder einen Laufordner öffnen.</translation>
    </message>
    <message>
        <source>segmentation only</source>
        <translation>nur Segmentierung</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>%1 — %2, %3%4</source>
        <translation>%1 — %2, %3%4</translation>
    </message>
    <message>
        <source>Run model on %1</source>
        <translation>Modell auf %1 anwenden</translation>
    </message>
    <message>
        <source>Finished run:</source>
        <translation>Fertiger Lauf:</translation>
    </message>
    <message>
        <source>Running the model</source>
        <translation>Anwenden des Modells</translation>
    </message>
    <message>
        <source>Running %1 on %2</source>
        <translation>%1 läuft auf %2</translation>
    </message>
    <message>
        <source>Open &amp;Case…</source>
        <translation>&amp;Fall öffnen…</translation>
    </message>
    <message>
        <source>Open one case&apos;s image files without a data set (or drop a case folder on the window)</source>
        <translation>Die Bilddateien eines Falls ohne Datensatz öffnen (oder einen Fallordner auf das Fenster ziehen)</translation>
    </message>
    <message>
        <source>Open a workspace first: a model&apos;s results are saved in it.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich: die Ergebnisse eines Modells werden darin gespeichert.</translation>
    </message>
    <message>
        <source>%1, opened without a data set</source>
        <translation>%1, ohne Datensatz geöffnet</translation>
    </message>
    <message>
        <source>Opening a case</source>
        <translation>Öffnen eines Falls</translation>
    </message>
    <message>
        <source>Opened case %1 from %2</source>
        <translation>Fall %1 aus %2 geöffnet</translation>
    </message>
    <message>
        <source>Open the image files of a case</source>
        <translation>Die Bilddateien eines Falls öffnen</translation>
    </message>
    <message>
        <source>Images (*.nii.gz *.nii *.nrrd *.mha *.mhd *.nhdr)</source>
        <translation>Bilder (*.nii.gz *.nii *.nrrd *.mha *.mhd *.nhdr)</translation>
    </message>
    <message>
        <source>%1 holds no case opened on its own.</source>
        <translation>%1 enthält keinen einzeln geöffneten Fall.</translation>
    </message>
    <message>
        <source>Open &amp;DICOM Folder…</source>
        <translation>&amp;DICOM-Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open the MR series of a folder of DICOM files as a case, each series&apos; sequence guessed</source>
        <translation>Die MR-Serien eines Ordners mit DICOM-Dateien als Fall öffnen, die Sequenz jeder Serie erraten</translation>
    </message>
    <message>
        <source>Open from &amp;PACS…</source>
        <translation>Aus dem &amp;PACS öffnen…</translation>
    </message>
    <message>
        <source>Find a study on the PACS set in Settings, retrieve its series and open them as a case</source>
        <translation>Eine Studie im in den Einstellungen gewählten PACS suchen, ihre Serien abrufen und als Fall öffnen</translation>
    </message>
    <message>
        <source>Importing DICOM series of %1</source>
        <translation>Importiere DICOM-Serien von %1</translation>
    </message>
    <message>
        <source>Imported DICOM series of %1 from %2</source>
        <translation>DICOM-Serien von %1 aus %2 importiert</translation>
    </message>
    <message>
        <source>Open a folder of DICOM files</source>
        <translation>Einen Ordner mit DICOM-Dateien öffnen</translation>
    </message>
    <message>
        <source>Retrieved series from %1 into %2</source>
        <translation>Serien von %1 nach %2 abgerufen</translation>
    </message>
</context>
<context>
    <name>tiss::ui::NewSweepDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>New Sweep</source>
        <translation>Neuer Sweep</translation>
    </message>
    <message>
        <source>Spec file…</source>
        <translation>Spec-Datei…</translation>
    </message>
    <message>
        <source>LibTorch&apos;s default</source>
        <translation>Standard von LibTorch</translation>
    </message>
    <message>
        <source>key=value per line, e.g. optim.epochs_constant=2</source>
        <translation>schlüssel=wert pro Zeile, z. B. optim.epochs_constant=2</translation>
    </message>
    <message>
        <source>Create and Start</source>
        <translation>Anlegen und starten</translation>
    </message>
    <message>
        <source>Sweep:</source>
        <translation>Sweep:</translation>
    </message>
    <message>
        <source>Spec file:</source>
        <translation>Spec-Datei:</translation>
    </message>
    <message>
        <source>Sweep Spec</source>
        <translation>Sweep-Spezifikation</translation>
    </message>
    <message>
        <source>Sweep specs (*.json)</source>
        <translation>Sweep-Spezifikationen (*.json)</translation>
    </message>
    <message>
        <source>Data set:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <source>Data Set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Sweep folder:</source>
        <translation>Sweep-Ordner:</translation>
    </message>
    <message>
        <source>Sweep Folder</source>
        <translation>Sweep-Ordner</translation>
    </message>
    <message>
        <source>Config preset of every job:</source>
        <translation>Konfigurationsvorgabe jedes Jobs:</translation>
    </message>
    <message>
        <source>Jobs at once:</source>
        <translation>Gleichzeitige Jobs:</translation>
    </message>
    <message>
        <source>CPU threads per job:</source>
        <translation>CPU-Threads pro Job:</translation>
    </message>
    <message>
        <source>Overrides for every job:</source>
        <translation>Überschreibungen für jeden Job:</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s), %1 of them shared runs trained first.</source>
        <translation>
            <numerusform>%n Job, davon %1 gemeinsame Läufe, die zuerst trainiert werden.</numerusform>
            <numerusform>%n Jobs, davon %1 gemeinsame Läufe, die zuerst trainiert werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>This sweep cannot start</source>
        <translation>Dieser Sweep kann nicht starten</translation>
    </message>
    <message>
        <source>auto, cpu, or cuda:0, cuda:1 (given to the jobs in turn)</source>
        <translation>auto, cpu oder cuda:0, cuda:1 (abwechselnd an die Jobs vergeben)</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
</context>
<context>
    <name>tiss::ui::NewSweepModel</name>
    <message>
        <source>Fig. 6: validation Dice as each of λp, λc, λS varies alone around 25 / 1 / 25.</source>
        <translation>Abb. 6: Validierungs-Dice, wenn λp, λc, λS einzeln um 25 / 1 / 25 variieren.</translation>
    </message>
    <message>
        <source>Tables 1/5: synthesis losses (L_syn-g, + L_syn-t, + L_p, + L_c) with λS = 0.</source>
        <translation>Tabellen 1/5: Syntheseverluste (L_syn-g, + L_syn-t, + L_p, + L_c) mit λS = 0.</translation>
    </message>
    <message>
        <source>Tables 2/6: segmentor input (xs, xt&apos;, xt&apos;+yc, xs+xt&apos;+yc) crossed with its losses.</source>
        <translation>Tabellen 2/6: Eingabe des Segmentierers (xs, xt&apos;, xt&apos;+yc, xs+xt&apos;+yc) gekreuzt mit seinen Verlusten.</translation>
    </message>
    <message>
        <source>Table 3: y_f vs y_r vs their mean, from one trained TISS-Net.</source>
        <translation>Tabelle 3: y_f vs. y_r vs. ihr Mittel, aus einem trainierten TISS-Net.</translation>
    </message>
    <message>
        <source>Tables 4/7: source only, real target, all modalities, synthesis then segmentation, TISS-Net.</source>
        <translation>Tabellen 4/7: nur Quellen, echtes Ziel, alle Modalitäten, Synthese dann Segmentierung, TISS-Net.</translation>
    </message>
    <message>
        <source>A sweep spec file of your own (docs/sweeps.md): axes over any config key, seeds, metric.</source>
        <translation>Eine eigene Sweep-Spezifikation (docs/sweeps.md): Achsen über beliebige Konfigurationsschlüssel, Seeds, Metrik.</translation>
    </message>
</context>
<context>
    <name>tiss::ui::OpenCaseDialog</name>
    <message>
        <source>Open Case</source>
        <translation>Fall öffnen</translation>
    </message>
    <message>
        <source>Glioma (BraTS): T1, T1ce, T2 → FLAIR</source>
        <translation>Gliom (BraTS): T1, T1ce, T2 → FLAIR</translation>
    </message>
    <message>
        <source>Vestibular schwannoma: T2 → ceT1</source>
        <translation>Vestibularisschwannom: T2 → ceT1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Used as</source>
        <translation>Verwendet als</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>Fall-ID</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Each file&apos;s modality is guessed from its name; correct it where it is wrong. The files are read where they are, never changed.</source>
        <translation>Die Modalität jeder Datei wird aus ihrem Namen erraten; korrigieren Sie sie, wo sie falsch ist. Die Dateien werden an Ort und Stelle gelesen, nie verändert.</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(nicht verwendet)</translation>
    </message>
</context>
<context>
    <name>tiss::ui::OpenCaseModel</name>
    <message>
        <source>Opening a case</source>
        <translation>Öffnen eines Falls</translation>
    </message>
    <message>
        <source>No image file: drop a case folder or its NIfTI files.</source>
        <translation>Keine Bilddatei: ziehen Sie einen Fallordner oder seine NIfTI-Dateien hierher.</translation>
    </message>
    <message>
        <source>The case id must not be empty, start with a dot or hold a slash.</source>
        <translation>Die Fall-ID darf nicht leer sein, nicht mit einem Punkt beginnen und keinen Schrägstrich enthalten.</translation>
    </message>
    <message>
        <source>No source image: use at least one file as %1.</source>
        <translation>Kein Quellbild: verwenden Sie mindestens eine Datei als %1.</translation>
    </message>
    <message>
        <source>%1 is no longer there.</source>
        <translation>%1 ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>Keeping the case in the workspace</source>
        <translation>Speichern des Falls im Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>tiss::ui::OpenDicomDialog</name>
    <message>
        <source>Open DICOM Series</source>
        <translation>DICOM-Serien öffnen</translation>
    </message>
    <message>
        <source>Refuse series on another grid</source>
        <translation>Serien auf anderem Gitter ablehnen</translation>
    </message>
    <message>
        <source>Resample them onto the first series&apos; grid</source>
        <translation>Sie auf das Gitter der ersten Serie umtasten</translation>
    </message>
    <message>
        <source>Register them rigidly, then resample (patient moved)</source>
        <translation>Sie starr registrieren, dann umtasten (Patient hat sich bewegt)</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Used as</source>
        <translation>Verwendet als</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>Fall-ID</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>Gitter</translation>
    </message>
    <message>
        <source>Each series&apos; sequence is guessed from its description; correct it where it is wrong. The first sequence (T1, T1ce, T2, FLAIR) gives the grid. The series are copied into the workspace as NIfTI without patient names or ids; the DICOM files are never changed.</source>
        <translation>Die Sequenz jeder Serie wird aus ihrer Beschreibung erraten; korrigieren Sie sie, wo sie falsch ist. Die erste Sequenz (T1, T1ce, T2, FLAIR) gibt das Gitter vor. Die Serien werden ohne Patientennamen oder -IDs als NIfTI in den Arbeitsbereich kopiert; die DICOM-Dateien werden nie verändert.</translation>
    </message>
    <message>
        <source>T1 (t1n)</source>
        <translation>T1 (t1n)</translation>
    </message>
    <message>
        <source>T1ce (t1c)</source>
        <translation>T1ce (t1c)</translation>
    </message>
    <message>
        <source>T2 (t2w)</source>
        <translation>T2 (t2w)</translation>
    </message>
    <message>
        <source>FLAIR (t2f)</source>
        <translation>FLAIR (t2f)</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(nicht verwendet)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not read (not DICOM, truncated or compressed in a way this program does not read).</source>
        <translation>
            <numerusform>%n Datei nicht gelesen (kein DICOM, abgeschnitten oder in einer Weise komprimiert, die dieses Programm nicht liest).</numerusform>
            <numerusform>%n Dateien nicht gelesen (kein DICOM, abgeschnitten oder in einer Weise komprimiert, die dieses Programm nicht liest).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tiss::ui::OpenDicomModel</name>
    <message>
        <source>Opening a DICOM folder</source>
        <translation>Öffnen eines DICOM-Ordners</translation>
    </message>
    <message numerus="yes">
        <source>series %1: %2 (%n slices)</source>
        <translation>
            <numerusform>Serie %1: %2 (%n Schicht)</numerusform>
            <numerusform>Serie %1: %2 (%n Schichten)</numerusform>
        </translation>
    </message>
    <message>
        <source>No MR series in this folder.</source>
        <translation>Keine MR-Serie in diesem Ordner.</translation>
    </message>
    <message>
        <source>The case id must not be empty, start with a dot or hold a slash.</source>
        <translation>Die Fall-ID darf nicht leer sein, nicht mit einem Punkt beginnen und keinen Schrägstrich enthalten.</translation>
    </message>
    <message>
        <source>No series is used: choose the sequence of at least one series.</source>
        <translation>Keine Serie wird verwendet: wählen Sie die Sequenz mindestens einer Serie.</translation>
    </message>
    <message>
        <source>Importing the DICOM series</source>
        <translation>Importieren der DICOM-Serien</translation>
    </message>
    <message>
        <source>Keeping the case in the workspace</source>
        <translation>Speichern des Falls im Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>tiss::ui::OverlayPanel</name>
    <message>
        <source>Overlay</source>
        <translation>Überlagerung</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Contour</source>
        <translation>Kontur</translation>
    </message>
    <message>
        <source>Probability map</source>
        <translation>Wahrscheinlichkeitskarte</translation>
    </message>
</context>
<context>
    <name>tiss::ui::PacsDialog</name>
    <message>
        <source>Open from PACS</source>
        <translation>Aus dem PACS öffnen</translation>
    </message>
    <message>
        <source>Server: %1 at %2:%3, we are %4 (change it in Settings)</source>
        <translation>Server: %1 auf %2:%3, wir sind %4 (in den Einstellungen änderbar)</translation>
    </message>
    <message>
        <source>e.g. Doe* (wildcards * and ?)</source>
        <translation>z. B. Muster* (Platzhalter * und ?)</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>beliebiges Datum</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Patientenname</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Studiendatum</translation>
    </message>
    <message>
        <source>&amp;Retrieve and Open</source>
        <translation>&amp;Abrufen und öffnen</translation>
    </message>
    <message>
        <source>Cancel retrieval</source>
        <translation>Abruf abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <source>Series of the chosen study (MR series ticked)</source>
        <translation>Serien der gewählten Studie (MR-Serien angehakt)</translation>
    </message>
</context>
<context>
    <name>tiss::ui::PacsModel</name>
    <message>
        <source>Searching %1…</source>
        <translation>Suche in %1…</translation>
    </message>
    <message>
        <source>Searching the PACS</source>
        <translation>Suche im PACS</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found</source>
        <translation>
            <numerusform>%n Studie gefunden</numerusform>
            <numerusform>%n Studien gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalitäten</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Listing the series…</source>
        <translation>Liste die Serien auf…</translation>
    </message>
    <message>
        <source>Listing the series</source>
        <translation>Auflisten der Serien</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n Serie</numerusform>
            <numerusform>%n Serien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %3  (%n image(s))</source>
        <translation>
            <numerusform>%1  %2  %3  (%n Bild)</numerusform>
            <numerusform>%1  %2  %3  (%n Bilder)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick at least one series to retrieve.</source>
        <translation>Haken Sie mindestens eine Serie zum Abrufen an.</translation>
    </message>
    <message numerus="yes">
        <source>Retrieving %n series…</source>
        <translation>
            <numerusform>Rufe %n Serie ab…</numerusform>
            <numerusform>Rufe %n Serien ab…</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieval cancelled; the files already received stay in %1.</source>
        <translation>Abruf abgebrochen; die bereits empfangenen Dateien bleiben in %1.</translation>
    </message>
    <message>
        <source>Retrieving the series</source>
        <translation>Abrufen der Serien</translation>
    </message>
    <message>
        <source>Retrieved into %1</source>
        <translation>Abgerufen nach %1</translation>
    </message>
</context>
<context>
    <name>tiss::ui::PaperFigureDialog</name>
    <message>
        <source>Paper Figure</source>
        <translation>Publikationsabbildung</translation>
    </message>
    <message>
        <source>Largest tumor slice of each case</source>
        <translation>Größte Tumorschicht jedes Falls</translation>
    </message>
    <message>
        <source>Fixed slice</source>
        <translation>Feste Schicht</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Ground truth contoured in yellow, results in green.</source>
        <translation>Referenz gelb umrandet, Ergebnisse grün.</translation>
    </message>
    <message>
        <source>Cases (rows)</source>
        <translation>Fälle (Zeilen)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Fixed slice index</source>
        <translation>Index der festen Schicht</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Resolution (PNG)</source>
        <translation>Auflösung (PNG)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Figure written.</source>
        <translation>Abbildung geschrieben.</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation>PDF-Dokument (*.pdf);;SVG-Zeichnung (*.svg);;PNG-Bild (*.png)</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n case(s)…</source>
        <translation>
            <numerusform>Lese %n Fall…</numerusform>
            <numerusform>Lese %n Fälle…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tiss::ui::PaperFigureModel</name>
    <message>
        <source>Building the figure</source>
        <translation>Erstellen der Abbildung</translation>
    </message>
</context>
<context>
    <name>tiss::ui::ResultsTableModel</name>
    <message>
        <source>%1 (n = %2)</source>
        <translation>%1 (n = %2)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Baseline of the comparisons</source>
        <translation>Referenz der Vergleiche</translation>
    </message>
    <message>
        <source>paired t-test</source>
        <translation>gepaarter t-Test</translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank test (exact)</source>
        <translation>Wilcoxon-Vorzeichen-Rang-Test (exakt)</translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank test (normal approximation)</source>
        <translation>Wilcoxon-Vorzeichen-Rang-Test (Normalapproximation)</translation>
    </message>
    <message>
        <source>no correction</source>
        <translation>keine Korrektur</translation>
    </message>
    <message>
        <source>Holm correction</source>
        <translation>Holm-Korrektur</translation>
    </message>
    <message>
        <source>Bonferroni correction</source>
        <translation>Bonferroni-Korrektur</translation>
    </message>
    <message numerus="yes">
        <source>p = %1, adjusted p = %2 (%3 against %4, %5, %n case(s))</source>
        <translation>
            <numerusform>p = %1, korrigiertes p = %2 (%3 gegen %4, %5, %n Fall)</numerusform>
            <numerusform>p = %1, korrigiertes p = %2 (%3 gegen %4, %5, %n Fälle)</numerusform>
        </translation>
    </message>
    <message>
        <source>difference %1, 95 % CI [%2, %3]</source>
        <translation>Differenz %1, 95-%-KI [%2, %3]</translation>
    </message>
    <message>
        <source>Not shown different from %1 (which does not mean equal).</source>
        <translation>Kein Unterschied zu %1 nachgewiesen (was nicht Gleichheit bedeutet).</translation>
    </message>
    <message>
        <source>two-sided paired t-test</source>
        <translation>zweiseitiger gepaarter t-Test</translation>
    </message>
    <message>
        <source>two-sided Wilcoxon signed-rank test</source>
        <translation>zweiseitiger Wilcoxon-Vorzeichen-Rang-Test</translation>
    </message>
    <message numerus="yes">
        <source>Holm correction over each metric&apos;s %n comparison(s)</source>
        <translation>
            <numerusform>Holm-Korrektur über den %n Vergleich jeder Metrik</numerusform>
            <numerusform>Holm-Korrektur über die %n Vergleiche jeder Metrik</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bonferroni correction over each metric&apos;s %n comparison(s)</source>
        <translation>
            <numerusform>Bonferroni-Korrektur über den %n Vergleich jeder Metrik</numerusform>
            <numerusform>Bonferroni-Korrektur über die %n Vergleiche jeder Metrik</numerusform>
        </translation>
    </message>
    <message>
        <source>† adjusted p &lt; %1 against %2: %3, %4; n = %5 paired cases. No mark: not shown different, which does not mean equal.</source>
        <translation>† korrigiertes p &lt; %1 gegen %2: %3, %4; n = %5 gepaarte Fälle. Ohne Markierung: kein Unterschied gezeigt, was nicht Gleichheit bedeutet.</translation>
    </message>
    <message>
        <source>The paper&apos;s convention (uncorrected), kept to reproduce it.</source>
        <translation>Die Konvention des Artikels (unkorrigiert), beibehalten, um ihn nachzuvollziehen.</translation>
    </message>
    <message>
        <source>Fewer than 10 pairs: only large differences can be shown (detectable differences on hover).</source>
        <translation>Weniger als 10 Paare: nur große Unterschiede sind nachweisbar (nachweisbare Unterschiede beim Überfahren).</translation>
    </message>
</context>
<context>
    <name>tiss::ui::RunMonitor</name>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergiert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
</context>
<context>
    <name>tiss::ui::RunsModel</name>
    <message>
        <source>%1 / %2 (%3 %)</source>
        <translation>%1 / %2 (%3 %)</translation>
    </message>
    <message>
        <source>%1 it/s</source>
        <translation>%1 It./s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Best val. Dice</source>
        <translation>Bester Val.-Dice</translation>
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
    <message>
        <source>Runs training at once</source>
        <translation>Gleichzeitig trainierende Läufe</translation>
    </message>
    <message>
        <source>The PACS may have to know this title (and allow it to query and retrieve)</source>
        <translation>Das PACS muss diesen Titel eventuell kennen (und ihm Suchen und Abrufen erlauben)</translation>
    </message>
    <message>
        <source>PACS host</source>
        <translation>PACS-Host</translation>
    </message>
    <message>
        <source>PACS DICOM port</source>
        <translation>DICOM-Port des PACS</translation>
    </message>
    <message>
        <source>PACS AE title</source>
        <translation>AE-Titel des PACS</translation>
    </message>
    <message>
        <source>Our AE title</source>
        <translation>Unser AE-Titel</translation>
    </message>
    <message>
        <source>DICOM TLS (where the PACS offers it on this port)</source>
        <translation>DICOM-TLS (wo das PACS es auf diesem Port anbietet)</translation>
    </message>
    <message>
        <source>none: encrypted, but the PACS is not authenticated</source>
        <translation>keine: verschlüsselt, aber das PACS wird nicht authentifiziert</translation>
    </message>
    <message>
        <source>PACS security</source>
        <translation>PACS-Sicherheit</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>Vertrauenswürdige Zertifikate</translation>
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
<context>
    <name>tiss::ui::SweepModel</name>
    <message>
        <source>queued</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>inference</source>
        <translation>Inferenz</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>waiting for a shared run</source>
        <translation>wartet auf einen gemeinsamen Lauf</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>%1 (shared)</source>
        <translation>%1 (gemeinsam)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>No sweep open.</source>
        <translation>Kein Sweep geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n job(s) finished</source>
        <translation>
            <numerusform>%1 von %n Job fertig</numerusform>
            <numerusform>%1 von %n Jobs fertig</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 running, %2 queued</source>
        <translation>, %1 laufen, %2 warten</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>, %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>, %1 cancelled</source>
        <translation>, %1 abgebrochen</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation> (pausiert)</translation>
    </message>
    <message>
        <source>Best so far: none finished yet</source>
        <translation>Bisher bester: noch keiner fertig</translation>
    </message>
    <message>
        <source>Best so far: %1 (%2), %3 %4</source>
        <translation>Bisher bester: %1 (%2), %3 %4</translation>
    </message>
    <message>
        <source>finished, metrics unreadable</source>
        <translation>fertig, Metriken unlesbar</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
</context>
<context>
    <name>tiss::ui::SweepPanel</name>
    <message>
        <source>Pausing or resuming the sweep</source>
        <translation>Pausieren oder Fortsetzen des Sweeps</translation>
    </message>
    <message>
        <source>Cancelling the job</source>
        <translation>Abbrechen des Jobs</translation>
    </message>
    <message>
        <source>Retrying the job</source>
        <translation>Wiederholen des Jobs</translation>
    </message>
    <message>
        <source>New Sweep…</source>
        <translation>Neuer Sweep…</translation>
    </message>
    <message>
        <source>Open Sweep…</source>
        <translation>Sweep öffnen…</translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <source>Retry Job</source>
        <translation>Job wiederholen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Start the scheduler for this sweep (none drives it now)</source>
        <translation>Die Warteschlange für diesen Sweep starten (derzeit treibt ihn keine an)</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Export Per-Case CSV…</source>
        <translation>CSV pro Fall exportieren…</translation>
    </message>
    <message>
        <source>Export Plot…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Metric vs value</source>
        <translation>Metrik über Wert</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Scheduler running</source>
        <translation>Warteschlange läuft</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>LaTeX (*.tex);;Markdown (*.md);;CSV (*.csv)</source>
        <translation>LaTeX (*.tex);;Markdown (*.md);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the table</source>
        <translation>Exportieren der Tabelle</translation>
    </message>
    <message>
        <source>Export Per-Case Metrics</source>
        <translation>Metriken pro Fall exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting per-case metrics</source>
        <translation>Exportieren der Metriken pro Fall</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The plot could not be written to %1.</source>
        <translation>Das Diagramm konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Every swept value side by side</source>
        <translation>Alle variierten Werte nebeneinander</translation>
    </message>
    <message>
        <source> (‡ GT-centred test-time crop)</source>
        <translation> (‡ Testzuschnitt um die Grundwahrheit)</translation>
    </message>
    <message>
        <source>Runs on Slurm (sweep.sbatch): followed here, started by its array tasks</source>
        <translation>Läuft auf Slurm (sweep.sbatch): hier verfolgt, gestartet von seinen Array-Tasks</translation>
    </message>
    <message>
        <source>No scheduler (closed workbench)</source>
        <translation>Keine Warteschlange (Workbench geschlossen)</translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation>Parallele Koordinaten</translation>
    </message>
    <message>
        <source>Synthesis quality vs metric (Pareto front)</source>
        <translation>Synthesequalität gegen Metrik (Pareto-Front)</translation>
    </message>
    <message>
        <source>Baseline (†: adjusted p &lt; 0.05, p on hover):</source>
        <translation>Basislinie (†: korrigiertes p &lt; 0,05, p beim Überfahren):</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>Test:</translation>
    </message>
    <message>
        <source>paired t-test</source>
        <translation>gepaarter t-Test</translation>
    </message>
    <message>
        <source>Wilcoxon signed-rank</source>
        <translation>Wilcoxon-Vorzeichen-Rang</translation>
    </message>
    <message>
        <source>Holm</source>
        <translation>Holm</translation>
    </message>
    <message>
        <source>Bonferroni</source>
        <translation>Bonferroni</translation>
    </message>
    <message>
        <source>no correction</source>
        <translation>keine Korrektur</translation>
    </message>
</context>
<context>
    <name>tiss::ui::SweepPlot</name>
    <message>
        <source>%1, mean ± sd over cases</source>
        <translation>%1, Mittelwert ± SD über Fälle</translation>
    </message>
    <message>
        <source>each axis from its lowest to its highest value</source>
        <translation>jede Achse von ihrem kleinsten bis zu ihrem größten Wert</translation>
    </message>
    <message>
        <source>every point</source>
        <translation>alle Punkte</translation>
    </message>
    <message>
        <source>Pareto front (no point better on both)</source>
        <translation>Pareto-Front (kein Punkt in beidem besser)</translation>
    </message>
    <message>
        <source>No trial has both %1 and %2 (synthesis scores need an evaluation with the synthesized image)</source>
        <translation>Kein Versuch hat sowohl %1 als auch %2 (Synthesewerte brauchen eine Auswertung mit dem synthetisierten Bild)</translation>
    </message>
    <message>
        <source>a synthesis score</source>
        <translation>ein Synthesewert</translation>
    </message>
</context>
<context>
    <name>tiss::ui::TrainingDialog</name>
    <message>
        <source>New Training Run</source>
        <translation>Neuer Trainingslauf</translation>
    </message>
    <message>
        <source>Paper defaults</source>
        <translation>Vorgaben der Publikation</translation>
    </message>
    <message>
        <source>Quick CPU demo</source>
        <translation>Schnelle CPU-Demo</translation>
    </message>
    <message>
        <source>Copy from run…</source>
        <translation>Von Lauf übernehmen…</translation>
    </message>
    <message>
        <source>LibTorch default</source>
        <translation>LibTorch-Standard</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Data set folder</source>
        <translation>Datensatz-Ordner</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Name des Laufs</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Copy the configuration of a run</source>
        <translation>Die Konfiguration eines Laufs übernehmen</translation>
    </message>
    <message>
        <source>Data-parallel training: this many processes, each with its own share of every batch and its own device (CUDA device per process when there are several GPUs); gradients are averaged over them.</source>
        <translation>Datenparalleles Training: so viele Prozesse, jeder mit seinem Anteil an jedem Batch und seinem eigenen Gerät (bei mehreren GPUs eine CUDA-GPU je Prozess); die Gradienten werden über sie gemittelt.</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
</context>
<context>
    <name>tiss::ui::TrainingFormModel</name>
    <message>
        <source>Stage tissnet needs a trained S_p: set runs.sp to an sp run folder.</source>
        <translation>Die Stufe tissnet braucht ein trainiertes S_p: setzen Sie runs.sp auf einen sp-Laufordner.</translation>
    </message>
    <message>
        <source>Stage seg-synth needs a synthesis run: set runs.synthesis to its folder.</source>
        <translation>Die Stufe seg-synth braucht einen Syntheselauf: setzen Sie runs.synthesis auf dessen Ordner.</translation>
    </message>
    <message>
        <source>Choose a data set folder.</source>
        <translation>Wählen Sie einen Datensatz-Ordner.</translation>
    </message>
    <message>
        <source>Give the run a name (a folder name, no &apos;/&apos;).</source>
        <translation>Geben Sie dem Lauf einen Namen (ein Ordnername, ohne &apos;/&apos;).</translation>
    </message>
</context>
<context>
    <name>tiss::viewers::ComparisonView</name>
    <message>
        <source>Dice %1 % (slice), %2 % (volume)</source>
        <translation>Dice %1 % (Schicht), %2 % (Volumen)</translation>
    </message>
    <message>
        <source>voxel (%1, %2, %3)   %4, %5, %6 mm</source>
        <translation>Voxel (%1, %2, %3)   %4, %5, %6 mm</translation>
    </message>
</context>
<context>
    <name>tiss::viewers::SliceView</name>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
</context>
</TS>

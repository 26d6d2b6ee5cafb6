<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>tiss::ui::DashboardPanel</name>
    <message numerus="yes">
        <source>, %n rank(s): %1 it/s each, %2 MB all-reduced a step</source>
        <translation><numerusform>, %n rank: %1 it/s, %2 MB all-reduced a step</numerusform><numerusform>, %n ranks: %1 it/s each, %2 MB all-reduced a step</numerusform></translation>
    </message>
</context>
<context>
    <name>tiss::ui::CaseTableModel</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation><numerusform>%n problem</numerusform><numerusform>%n problems</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> · %n case(s) from imagesTs, without a label</source>
        <translation><numerusform> · %n case from imagesTs, without a label</numerusform><numerusform> · %n cases from imagesTs, without a label</numerusform></translation>
    </message>
</context>
<context>
    <name>tiss::ui::MainWindow</name>
    <message numerus="yes">
        <source>Checked %n case(s), %1 with problems</source>
        <translation><numerusform>Checked %n case, %1 with problems</numerusform><numerusform>Checked %n cases, %1 with problems</numerusform></translation>
    </message>
</context>
<context>
    <name>tiss::ui::PaperFigureDialog</name>
    <message numerus="yes">
        <source>Reading %n case(s)…</source>
        <translation><numerusform>Reading %n case…</numerusform><numerusform>Reading %n cases…</numerusform></translation>
    </message>
</context>
<context>
    <name>tiss::ui::MainWindow</name>
    <message numerus="yes">
        <source>Created sweep %1 (%n job(s))</source>
        <translation><numerusform>Created sweep %1 (%n job)</numerusform><numerusform>Created sweep %1 (%n jobs)</numerusform></translation>
    </message>
</context>
<context>
    <name>tiss::ui::NewSweepDialog</name>
    <message numerus="yes">
        <source>%n job(s), %1 of them shared runs trained first.</source>
        <translation><numerusform>%n job, %1 of them a shared run trained first.</numerusform><numerusform>%n jobs, %1 of them shared runs trained first.</numerusform></translation>
    </message>
</context>
<context>
    <name>tiss::ui::ResultsTableModel</name>
    <message numerus="yes">
        <source>p = %1, adjusted p = %2 (%3 against %4, %5, %n case(s))</source>
        <translation><numerusform>p = %1, adjusted p = %2 (%3 against %4, %5, %n case)</numerusform><numerusform>p = %1, adjusted p = %2 (%3 against %4, %5, %n cases)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Holm correction over each metric&apos;s %n comparison(s)</source>
        <translation><numerusform>Holm correction over each metric&apos;s %n comparison</numerusform><numerusform>Holm correction over each metric&apos;s %n comparisons</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Bonferroni correction over each metric&apos;s %n comparison(s)</source>
        <translation><numerusform>Bonferroni correction over each metric&apos;s %n comparison</numerusform><numerusform>Bonferroni correction over each metric&apos;s %n comparisons</numerusform></translation>
    </message>
</context>
<context>
    <name>tiss::ui::SweepModel</name>
    <message numerus="yes">
        <source>%1 of %n job(s) finished</source>
        <translation><numerusform>%1 of %n job finished</numerusform><numerusform>%1 of %n jobs finished</numerusform></translation>
    </message>
</context>
<context>
    <name>tiss::ui::OpenDicomDialog</name>
    <message numerus="yes">
        <source>%n file(s) not read (not DICOM, truncated or compressed in a way this program does not read).</source>
        <translation><numerusform>%n file not read (not DICOM, truncated or compressed in a way this program does not read).</numerusform><numerusform>%n files not read (not DICOM, truncated or compressed in a way this program does not read).</numerusform></translation>
    </message>
</context>
<context>
    <name>tiss::ui::OpenDicomModel</name>
    <message numerus="yes">
        <source>series %1: %2 (%n slices)</source>
        <translation><numerusform>series %1: %2 (%n slice)</numerusform><numerusform>series %1: %2 (%n slices)</numerusform></translation>
    </message>
</context>
<context>
    <name>tiss::ui::PacsModel</name>
    <message numerus="yes">
        <source>%n study(ies) found</source>
        <translation><numerusform>%n study found</numerusform><numerusform>%n studies found</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation><numerusform>%n series</numerusform><numerusform>%n series</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %3  (%n image(s))</source>
        <translation><numerusform>%1  %2  %3  (%n image)</numerusform><numerusform>%1  %2  %3  (%n images)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Retrieving %n series…</source>
        <translation><numerusform>Retrieving %n series…</numerusform><numerusform>Retrieving %n series…</numerusform></translation>
    </message>
</context>
</TS>

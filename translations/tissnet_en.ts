<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>tiss::ui::CaseTableModel</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation><numerusform>%n problem</numerusform><numerusform>%n problems</numerusform></translation>
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
</TS>

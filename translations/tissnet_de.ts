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
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ErrorText</name>
    <message>
        <source>%1 failed: %2.</source>
        <translation>%1 失败：%2。</translation>
    </message>
    <message>
        <source>%1 failed.
File: %2
Reason: %3.
Fix or replace the file and try again; nothing else was changed.</source>
        <translation>%1 失败。
文件：%2
原因：%3。
请修复或替换该文件后重试；其他内容均未更改。</translation>
    </message>
</context>
</TS>

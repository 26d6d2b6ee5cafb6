// The run folder: its own split, moved cases named, one trainer at a time, the live writer
// recorded, and an event log whose cut-off last line never swallows the next event.
#include <unistd.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include "tiss/training/run_folder.h"

using namespace tiss;

class TestRunFolder : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  RunFolder run() const { return RunFolder{dir_.path().toStdString() + "/run"}; }

 private slots:
  void initTestCase() {
    QVERIFY(RunFolder::open(run().root, false).ok());
    std::ofstream(run().infoFile()) << R"({"train": ["a", "b"], "val": ["c"], "test": ["d"], "pid": 1})";
  }
  void movedCasesAreNamed() {
    auto split = readRunSplit(run());
    QVERIFY(split.ok());
    Split now;
    now.assignment = {{"a", SplitPart::Train}, {"b", SplitPart::Test}, {"c", SplitPart::Val}};  // b moved, d gone
    const auto moved = movedCases(*split, now);
    QCOMPARE(moved.size(), size_t(2));
    QCOMPARE(moved[0], std::string("case b: train in the run, test in the data set"));
    QCOMPARE(moved[1], std::string("case d: test in the run, unassigned in the data set"));
    QVERIFY(movedCases(*split, [] {
              Split s;
              s.assignment = {{"a", SplitPart::Train}, {"b", SplitPart::Train}, {"c", SplitPart::Val}, {"d", SplitPart::Test}};
              return s;
            }()).empty());
    QVERIFY(splitWarning(moved).find("case b") != std::string::npos);
  }
  void oneTrainerAtATime() {
    auto first = acquireRunLock(run());
    QVERIFY(first.ok());
    auto second = acquireRunLock(run());
    QVERIFY(!second.ok());
    QVERIFY2(second.error().message.find(std::to_string(::getpid())) != std::string::npos, second.error().message.c_str());
    first->reset();  // released: the next trainer may start
    QVERIFY(acquireRunLock(run()).ok());
  }
  void liveWriterIsRecorded() {
    QVERIFY(recordWriter(run()).ok());
    QFile f(QString::fromStdString(run().infoFile()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray info = f.readAll();
    QVERIFY(info.contains(QByteArray("\"pid\": ") + QByteArray::number(qint64(::getpid()))));
    QVERIFY(info.contains("\"restarted\"") && info.contains("\"train\""));  // the split is kept
  }
  void cutOffEventLineIsEnded() {
    // The last line was cut off mid-write (a kill, a full disk).
    std::ofstream(run().eventsFile()) << "{\"event\":\"step\",\"step\":1}\n{\"event\":\"st";
    QVERIFY(appendEvent(run(), R"({"event":"step","step":2})").ok());
    QFile f(QString::fromStdString(run().eventsFile()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.size(), 4);  // three lines and the empty rest after the last newline
    QCOMPARE(lines[2], QByteArray(R"({"event":"step","step":2})"));
  }
};

QTEST_APPLESS_MAIN(TestRunFolder)
#include "test_run_folder.moc"

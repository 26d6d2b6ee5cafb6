#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Drives the real `tissnet` executable (path in $TISSNET, set by ctest).
struct Run {
  int code;
  QString out, err;
};

static Run tissnet(const QStringList& args) {
  QProcess p;
  p.start(qEnvironmentVariable("TISSNET"), args);
  if (!p.waitForFinished(120000)) return {-1, {}, "timed out"};
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

class TestTissnetCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void helpListsTheSubcommands() {
    const Run r = tissnet({"--help"});
    QCOMPARE(r.code, 0);
    for (const char* sub : {"phantom", "check", "eval", "bench", "manifest", "split"}) QVERIFY2(r.out.contains(sub), sub);
    for (const char* sub : {"phantom", "check", "eval", "manifest", "split"}) QCOMPARE(tissnet({sub, "--help"}).code, 0);
    QCOMPARE(tissnet({"bench", "io", "--help"}).code, 0);
  }
  void badArgumentsFailWithAMessage() {
    Run r = tissnet({"phantom", "--layout", "mri", "--out", dir_.path() + "/x"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("layout"), qPrintable(r.err));
    r = tissnet({"phantom", "--size", "12x0x4", "--out", dir_.path() + "/x"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("DxHxW"), qPrintable(r.err));
    r = tissnet({"check", "/no/such/data"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("/no/such/data"), qPrintable(r.err));
    QVERIFY(tissnet({}).code != 0);
  }
  void phantomCheckSplitEvalBench() {
    const QString data = dir_.path() + "/demo";
    Run r = tissnet({"phantom", "--layout", "brats", "--cases", "4", "--size", "16x48x48", "--seed", "3", "--out", data});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = tissnet({"check", data});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains("4 ok, 0 with problems"));
    r = tissnet({"split", data, "--seed", "5", "--fractions", "0.5,0.25,0.25"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("2 train, 1 val, 1 test"));
    // The ground truth evaluated against itself: perfect scores.
    r = tissnet({"eval", "--pred", data, "--pred-pattern", "{case}/{case}_seg.nii.gz", "--gt", data, "--out",
                 dir_.path() + "/scores.csv"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile csv(dir_.path() + "/scores.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QVERIFY(text.contains("\nmean,100.0000,0.0000,0.0000,"));
    r = tissnet({"bench", "io", data, "--patch", "8x32x32", "--patches", "20"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("load one case"));
    QVERIFY(r.out.contains("2 worker(s)"));
  }
  void checkReportsProblemsWithExitCode() {
    const QString data = dir_.path() + "/broken";
    QCOMPARE(tissnet({"phantom", "--cases", "2", "--size", "8x24x24", "--out", data}).code, 0);
    QVERIFY(QFile::remove(data + "/BraTS20_Phantom_002/BraTS20_Phantom_002_t2.nii.gz"));
    const Run r = tissnet({"check", data});
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.contains("PROBLEM  BraTS20_Phantom_002"));
    QVERIFY(r.out.contains("missing modality 't2'"));
    QVERIFY(r.out.contains("1 ok, 1 with problems"));
  }
  void manifestForAnotherLayout() {
    const QString data = dir_.path() + "/vs";
    QCOMPARE(tissnet({"phantom", "--layout", "vs", "--cases", "2", "--size", "8x32x32", "--out", data}).code, 0);
    QVERIFY(tissnet({"manifest", data}).code != 0);  // exists already: not overwritten
    QVERIFY(QFile::remove(data + "/manifest.json"));
    QVERIFY(tissnet({"check", data}).code != 0);
    const Run r = tissnet({"manifest", data});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(tissnet({"check", data}).code, 0);
  }
};

QTEST_GUILESS_MAIN(TestTissnetCli)
#include "test_tissnet_cli.moc"

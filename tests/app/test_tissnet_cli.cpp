#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "cli_support.h"
#include "tiss/util/version.h"

// Drives the real `tissnet` executable (path in $TISSNET, set by ctest).
using testsupport::Run;
Run tissnet(const QStringList& args) { return testsupport::tissnet(args, 120000); }

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
    // One version: the project's, printed by --version.
    const Run v = tissnet({"--version"});
    QCOMPARE(v.code, 0);
    QVERIFY2(v.out.startsWith(QString("tissnet ") + tiss::version() + " "), qPrintable(v.out));
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
    r = tissnet({"split", data, "--seed", "5", "--fractions", "0.5,0.25,0.25", "--force"});  // the phantom wrote one
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
    r = tissnet({"bench", "scan", data});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("scan 4 cases (20 headers"), qPrintable(r.out));
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
  void engineInformationCommands() {
    Run r = tissnet({"params", "--preset", "paper"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("G                             30.26 M"), qPrintable(r.out));
    r = tissnet({"config", "--preset", "cpu-small", "--set", "loss.lambda_p=15"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("\"lambda_p\": 15"));
    QVERIFY(r.out.contains("\"preset\": \"cpu-small\""));
    const QStringList tiny{"--preset", "cpu-small", "--set", "net.channels=[4,8,8,16,16]", "--set", "data.patch=8x32x32",
                           "--set", "net.disc_channels=4", "--threads", "2"};
    r = tissnet(QStringList{"bench", "train", "--iterations", "1"} + tiny);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("ms per iteration"));
    // --profile: a Chrome trace of one more step, and the operators that took most of it.
    const QString trace = dir_.path() + "/step-trace.json";
    r = tissnet(QStringList{"bench", "train", "--iterations", "1", "--profile", trace} + tiny);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("trace written to " + trace), qPrintable(r.out));
    QVERIFY2(r.out.contains("calls  aten::convolution_backward"), qPrintable(r.out));
    QFile traceFile(trace);
    QVERIFY(traceFile.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(traceFile.readAll()).array().size() > 100);
    r = tissnet(QStringList{"bench", "train", "--iterations", "1", "--profile", dir_.path() + "/no/such/dir/t.json"} + tiny);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no/such/dir/t.json: cannot write the profile here"), qPrintable(r.err));
    r = tissnet(QStringList{"bench", "infer", "--size", "8x48x48"} + tiny);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("per 8x48x48 case (1 window of 8x48x48"), qPrintable(r.out));  // a slab: the whole image
    r = tissnet(QStringList{"bench", "infer", "--size", "8x48x48", "--set", "inference.window=patch"} + tiny);
    QVERIFY2(r.out.contains("per 8x48x48 case (4 windows of 8x32x32, overlap 0.50, 4 per pass)"), qPrintable(r.out));
  }
  void tableComparesEvalFiles() {
    QFile a(dir_.path() + "/a.csv"), b(dir_.path() + "/b.csv");
    QVERIFY(a.open(QIODevice::WriteOnly) && b.open(QIODevice::WriteOnly));
    a.write("case,dice_pct,assd_mm,hd95_mm,error\nc1,80,1,2,\nc2,82,1,2,\nc3,84,1,2,\n");
    b.write("case,dice_pct,assd_mm,hd95_mm,error\nc1,90,1,2,\nc2,91,1,2,\nc3,93,1,2,\n");
    a.close();
    b.close();
    const Run r = tissnet({"table", "base=" + a.fileName(), "new=" + b.fileName()});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("| base (n=3) | 82.00 ± 2.00 |"), qPrintable(r.out));
    QVERIFY2(r.out.contains("| new (n=3) | **91.33 ± 1.53** † |"), qPrintable(r.out));  // best: bold
    QVERIFY(tissnet({"table", "broken"}).code != 0);
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

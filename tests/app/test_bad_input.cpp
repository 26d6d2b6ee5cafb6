// The bad-input table: malformed configs, overrides, stored run files, manifests, splits and
// sweep specs given to the real `tissnet`. Each must end with exit code 1 or 2 and a message
// naming the file or key, never a signal or std::terminate, and leave what was saved as it was.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "cli_support.h"

namespace {

struct Outcome {
  int code = -1;
  bool crashed = true;
  QString err;
};

Outcome runTissnet(const QStringList& args) {
  QProcess p;
  p.start(qEnvironmentVariable("TISSNET"), args);
  Outcome o;
  if (!p.waitForFinished(120000)) return o;
  o.crashed = p.exitStatus() != QProcess::NormalExit;
  o.code = p.exitCode();
  o.err = QString::fromUtf8(p.readAllStandardError());
  return o;
}

bool write(const QString& file, const QByteArray& text) {
  QDir().mkpath(QFileInfo(file).path());
  QFile f(file);
  return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

}  // namespace

class TestBadInput : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString data_;

  QString path(const QString& rel) const { return dir_.path() + "/" + rel; }
  // A stored run whose config.json has one bad value, for --resume.
  QString storedRun(const QString& name, const QByteArray& config) {
    const QString run = path(name);
    write(run + "/config.json", config);
    write(run + "/run.json", R"({"train": ["BraTS20_Phantom_001"], "val": [], "test": []})");
    return run;
  }

 private slots:
  void initTestCase() {
    data_ = path("data");
    const auto r = runTissnet({"phantom", "--layout", "brats", "--cases", "3", "--size", "16x32x32", "--seed", "4", "--out", data_});
    QCOMPARE(r.code, 0);
  }

  void malformedInputFailsCleanly_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");  // the file or key the message must name
    auto config = [&](const char* name, const QByteArray& text) {
      write(path(name), text);
      return QStringList{"config", "--config", path(name)};
    };
    auto set = [](const QString& assignment) { return QStringList{"config", "--preset", "cpu-small", "--set", assignment}; };
    QTest::newRow("preset of the wrong type") << config("c1.json", R"({"preset": 1})") << "preset";
    QTest::newRow("section not an object") << config("c2.json", R"({"data": 5})") << "data";
    QTest::newRow("config not JSON") << config("c3.json", "{not json") << "c3.json";
    QTest::newRow("config a list") << config("c4.json", "[1, 2]") << "c4.json";
    QTest::newRow("batch as text") << config("c5.json", R"({"data": {"batch": "two"}})") << "data.batch";
    QTest::newRow("unknown nested key") << config("c6.json", R"({"loss": {"lambda_z": 1}})") << "loss.lambda_z";
    QTest::newRow("checkpoint.every=0") << set("checkpoint.every=0") << "checkpoint.every";
    QTest::newRow("iterations_per_epoch=0") << set("optim.iterations_per_epoch=0") << "optim.iterations_per_epoch";
    QTest::newRow("validation.every<0") << set("validation.every=-1") << "validation.every";
    QTest::newRow("workers=1000") << set("data.workers=1000") << "data.workers";
    QTest::newRow("batch=0") << set("data.batch=0") << "data.batch";
    QTest::newRow("patch of zero") << set("data.patch=0x64x64") << "data.patch";
    QTest::newRow("patch not a multiple") << set("data.patch=15x64x64") << "data.patch";
    QTest::newRow("iteration overflow") << QStringList{"config", "--set", "optim.epochs_constant=2000000000", "--set",
                                                       "optim.iterations_per_epoch=4"} << "2^31";
    QTest::newRow("checkpoint.every fractional") << set("checkpoint.every=2.5") << "checkpoint.every";
    QTest::newRow("checkpoint.every huge") << set("checkpoint.every=10000000000000") << "checkpoint.every";
    QTest::newRow("four channel levels") << set("net.channels=[1,2,3,4]") << "net.channels";
    QTest::newRow("negative channel") << set("net.channels=[8,-16,32,64,128]") << "net.channels";
    QTest::newRow("dropout as text") << set("net.dropout=\"x\"") << "net.dropout";
    QTest::newRow("lambda as text") << set("loss.lambda_p=abc") << "loss.lambda_p";
    QTest::newRow("negative seed") << set("seed=-1") << "seed";
    QTest::newRow("overlap too large") << set("validation.overlap=0.95") << "validation.overlap";
    QTest::newRow("bad select") << set("validation.select=loss") << "validation.select";
    QTest::newRow("select psnr for a U-Net") << QStringList{"config", "--set", "stage=seg-source", "--set", "validation.select=psnr"}
                                             << "validation.select";
    QTest::newRow("override without =") << set("checkpoint.every") << "checkpoint.every";
    const QString stored = storedRun("stored", R"({"preset": "cpu-small", "stage": "seg-source", "checkpoint": {"every": 0}})");
    QTest::newRow("stored config on resume") << QStringList{"train", "--data", data_, "--run", stored, "--resume"}
                                             << "config.json";
    const QString typed = storedRun("typed", R"({"preset": "cpu-small", "stage": 7})");
    QTest::newRow("stored stage of the wrong type") << QStringList{"train", "--data", data_, "--run", typed, "--resume"} << "stage";
    write(path("m1/case1/case1_t1.nii.gz"), "x");
    write(path("m1/manifest.json"), R"({"patterns": 5})");
    QTest::newRow("manifest patterns not an object") << QStringList{"check", path("m1")} << "manifest.json";
    write(path("m2/case1/case1_t1.nii.gz"), "x");
    write(path("m2/manifest.json"), "{\"patterns\": {");
    QTest::newRow("manifest not JSON") << QStringList{"check", path("m2")} << "manifest.json";
    write(path("s1.json"), R"({"name": "x", "data": ")" + data_.toUtf8() + R"(", "axes": [{"key": "loss.lambda_p", "values": [1]}], "repeats": 1000000000000})");
    QTest::newRow("sweep repeats absurd") << QStringList{"sweep", "--spec", path("s1.json"), "--out", path("sw1")} << "repeats";
    write(path("s2.json"), R"({"name": "x", "axes": 3})");
    QTest::newRow("sweep axes not a list") << QStringList{"sweep", "--spec", path("s2.json"), "--out", path("sw2")} << "s2.json";
    auto spec = [&](const char* name, const QByteArray& extra) {
      write(path(name), R"({"name": "x", "data": ")" + data_.toUtf8() + R"(", "axes": [{"key": "loss.lambda_p", "values": [1]}])" + extra + "}");
      return QStringList{"sweep", "--spec", path(name), "--out", path(QString(name) + ".out")};
    };
    QTest::newRow("sweep shared name escapes the folder") << spec("s3.json", R"(, "shared": {"../../evil": ["stage=sp"]})") << "../../evil";
    QTest::newRow("sweep shared name shadows a trial") << spec("s4.json", R"(, "shared": {"t000": ["stage=sp"]})") << "t000";
    QTest::newRow("sweep shared name with a quote") << spec("s5.json", ", \"shared\": {\"sp\x27 ; rm -rf ~\": [\"stage=sp\"]}") << "shared run";
    write(path("s6.json"), R"({"name": "two\nlines", "axes": [{"key": "loss.lambda_p", "values": [1]}]})");
    QTest::newRow("sweep name with a line break") << QStringList{"sweep", "--spec", path("s6.json"), "--out", path("sw6")} << "'name'";
    write(path("s7.json"), R"({"name": "x", "axes": [{"key": "b", "values": [{"name": "reuse", "from": "nowhere", "set": []}]}]})");
    QTest::newRow("sweep value from an unknown shared run") << QStringList{"sweep", "--spec", path("s7.json"), "--out", path("sw7")} << "nowhere";
    QTest::newRow("eval surface convention") << QStringList{"eval", "--pred", data_, "--gt", data_, "--surface", "hd", "--out", path("e.csv")}
                                             << "--surface";
  }
  void malformedInputFailsCleanly() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Outcome o = runTissnet(args);
    QVERIFY2(!o.crashed, qPrintable("crashed: " + o.err));
    QVERIFY2(o.code == 1 || o.code == 2, qPrintable(QString("exit %1: %2").arg(o.code).arg(o.err)));
    QVERIFY2(o.err.contains(mentions), qPrintable("message does not name " + mentions + ": " + o.err));
    QVERIFY2(!o.err.contains("terminate called"), qPrintable(o.err));
    // No partial output: what a refused command would have written does not exist.
    if (const int out = int(args.indexOf("--out")); out >= 0 && out + 1 < args.size())
      QVERIFY2(!QFileInfo::exists(args[out + 1]), qPrintable(args[out + 1] + " was written"));
  }
  void aTaskWithoutTargetTrainsSegSourceAndRefusesTheRest() {
    // A segmentation-only data set (no target modality in its manifest): seg-source trains,
    // infers and evaluates; a stage that needs the target is refused naming it, and leaves no
    // run folder; eval against a missing reference says why. (This aborted with map::at in a
    // worker thread before.)
    const QString seg = path("seg-only");
    QVERIFY(runTissnet({"phantom", "--layout", "brats", "--cases", "3", "--size", "16x32x32", "--seed", "4", "--out", seg}).code == 0);
    QVERIFY(runTissnet({"manifest", seg}).code == 0);
    QFile m(seg + "/manifest.json");
    QVERIFY(m.open(QIODevice::ReadOnly));
    QJsonObject manifest = QJsonDocument::fromJson(m.readAll()).object();
    m.close();
    QJsonObject task = manifest["task"].toObject(), patterns = manifest["patterns"].toObject();
    task["target"] = "";
    patterns.remove("flair");
    manifest["task"] = task;
    manifest["patterns"] = patterns;
    QVERIFY(write(seg + "/manifest.json", QJsonDocument(manifest).toJson()));
    QFile::remove(seg + "/BraTS20_Phantom_001/BraTS20_Phantom_001_flair.nii.gz");
    const QStringList tiny{"--preset", "cpu-small", "--set", "data.patch=16x32x32", "--set", "net.channels=[4,8,16,16,32]",
                           "--set", "optim.iterations_per_epoch=2", "--set", "optim.epochs_constant=1", "--set",
                           "optim.epochs_decay=0", "--set", "validation.every=1", "--threads", "2"};
    Outcome o = runTissnet(QStringList{"train", "--data", seg, "--run", path("seg-run"), "--set", "stage=seg-source"} + tiny);
    QVERIFY2(o.code == 0, qPrintable(o.err));
    o = runTissnet({"infer", "--run", path("seg-run"), "--data", seg, "--out", path("seg-out"), "--cases", "all"});
    QVERIFY2(o.code == 0, qPrintable(o.err));
    for (const char* stage : {"tissnet", "sp", "seg-target"}) {
      o = runTissnet(QStringList{"train", "--data", seg, "--run", path("refused-") + stage, "--set", QString("stage=") + stage} + tiny);
      QVERIFY2(!o.crashed && o.code == 1 && o.err.contains("no target modality"), qPrintable(o.err));
      QVERIFY2(!QFileInfo::exists(path("refused-") + stage), stage);
    }
    o = runTissnet({"eval", "--pred", path("seg-out"), "--pred-pattern", "{case}/{case}_seg_mask.nii.gz", "--gt", seg,
                    "--image", path("seg-out"), "--out", path("seg-eval.csv")});
    QVERIFY2(!o.crashed && o.code == 1 && o.err.contains("no target modality"), qPrintable(o.err));
  }

  void storedRunIsLeftAsItWas() {
    // The refused resumes above changed nothing in their folders.
    QFile f(path("stored/config.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("\"every\": 0"));
    QVERIFY(!QFile::exists(path("stored/status.json")));
  }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "test_bad_input.moc"

// End to end on CPU through the real `tissnet` executable: sp then tissnet training, inference
// and evaluation on a small phantom; determinism, resume after a kill, and refusals.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "cli_support.h"

namespace {

using testsupport::Run;
using testsupport::tissnet;

// A tiny network and schedule that still learns the phantom: seconds per stage on 2 cores.
QStringList tiny(const QString& stage, int iterations = 60) {
  return {"--preset", "cpu-small", "--set", "stage=" + stage, "--set", "net.channels=[4,8,16,16,32]", "--set",
          "net.disc_channels=4", "--set", "data.patch=16x48x48", "--set", "optim.iterations_per_epoch=" + QString::number(iterations / 2),
          "--set", "optim.epochs_constant=1", "--set", "optim.epochs_decay=1", "--set", "validation.every=30",
          "--set", "checkpoint.every=10", "--set", "optim.lr=0.003", "--threads", "2"};
}

// Step losses ("total") by step from a run's event log.
QMap<int, double> stepLosses(const QString& run) {
  QMap<int, double> losses;
  QFile f(run + "/events.jsonl");
  if (!f.open(QIODevice::ReadOnly)) return losses;
  for (const QByteArray& line : f.readAll().split('\n')) {
    const QJsonObject e = QJsonDocument::fromJson(line).object();
    if (e["event"].toString() == "step") losses[e["step"].toInt()] = e["losses"].toObject()["total"].toDouble();
  }
  return losses;
}

QMap<QString, double> meanRow(const QString& csvFile) {
  QFile f(csvFile);
  QMap<QString, double> row;
  if (!f.open(QIODevice::ReadOnly)) return row;
  const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split('\n');
  const QStringList header = lines.first().split(',');
  for (const QString& line : lines)
    if (line.startsWith("mean,")) {
      const QStringList v = line.split(',');
      for (int i = 1; i < header.size() && i < v.size(); ++i) row[header[i]] = v[i].toDouble();
    }
  return row;
}

}  // namespace

class TestEngineCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString data_;

 private slots:
  void initTestCase() {
    data_ = dir_.path() + "/data";
    const Run r = tissnet({"phantom", "--layout", "brats", "--cases", "10", "--size", "32x64x64", "--seed", "8", "--out", data_});
    QVERIFY2(r.code == 0, qPrintable(r.err));
  }

  void spThenTissNetThenInferAndEval() {
    const QString sp = dir_.path() + "/sp", tn = dir_.path() + "/tn", out = dir_.path() + "/out";
    Run r = tissnet(QStringList{"train", "--data", data_, "--run", sp} + tiny("sp"));
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out.right(2000)));
    QVERIFY(r.out.contains("\"state\":\"finished\""));
    r = tissnet(QStringList{"train", "--data", data_, "--run", tn, "--set", "runs.sp=" + sp} + tiny("tissnet"));
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out.right(2000)));
    for (const char* term : {"syn_g_l1", "syn_t_adv", "perceptibility", "coarse", "fine", "error", "consistency", "discriminator"})
      QVERIFY2(r.out.contains(QString("\"%1\":").arg(term)), term);
    QVERIFY(QFile::exists(tn + "/checkpoints/best.pt"));
    QVERIFY(QFile::exists(tn + "/config.json") && QFile::exists(tn + "/run.json") && QFile::exists(tn + "/status.json"));
    QVERIFY(!QDir(tn + "/previews").entryList({"*.png"}).isEmpty());

    r = tissnet({"infer", "--run", tn, "--data", data_, "--out", out, "--threads", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString id = QDir(out).entryList(QDir::Dirs | QDir::NoDotAndDotDot).first();
    for (const char* name : {"synth", "yc", "yf", "ye", "yr", "seg", "seg_mask", "yf_mask", "sp_on_synth", "target_norm"})
      QVERIFY2(QFile::exists(QString("%1/%2/%2_%3.nii.gz").arg(out, id, name)), name);

    r = tissnet({"eval", "--pred", out, "--pred-pattern", "{case}/{case}_seg_mask.nii.gz", "--gt", data_, "--image", out,
                 "--image-pattern", "{case}/{case}_synth.nii.gz", "--reference", out, "--reference-pattern",
                 "{case}/{case}_target_norm.nii.gz", "--data-range", "2", "--out", dir_.path() + "/tn.csv"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto scores = meanRow(dir_.path() + "/tn.csv");
    qInfo("TISS-Net on %s held-out cases: Dice %.2f %%, HD95 %.2f mm, PSNR %.2f dB, SSIM %.4f", qPrintable(out),
          scores["dice_pct"], scores["hd95_mm"], scores["psnr_global_db"], scores["ssim_global"]);
    // Chance: a random mask covering the tumor's share of the head scores a few % Dice.
    QVERIFY2(scores["dice_pct"] > 50, qPrintable(QString::number(scores["dice_pct"])));
    QVERIFY(scores["hd95_mm"] > 0);

    // PSNR of predicting the mean image (every voxel the mean of the real target).
    r = tissnet({"eval", "--pred", out, "--pred-pattern", "{case}/{case}_seg_mask.nii.gz", "--gt", data_, "--image", out,
                 "--image-pattern", "{case}/{case}_target_norm.nii.gz", "--reference", out, "--reference-pattern",
                 "{case}/{case}_target_norm.nii.gz", "--data-range", "2", "--mean-image", "--out", dir_.path() + "/mean.csv"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto mean = meanRow(dir_.path() + "/mean.csv");
    qInfo("mean-image baseline: PSNR %.2f dB", mean["psnr_global_db"]);
    QVERIFY2(scores["psnr_global_db"] > mean["psnr_global_db"],
             qPrintable(QString("%1 vs %2").arg(scores["psnr_global_db"]).arg(mean["psnr_global_db"])));

    // Perceptibility: S_p on x_t'.
    r = tissnet({"eval", "--pred", out, "--pred-pattern", "{case}/{case}_sp_on_synth_mask.nii.gz", "--gt", data_, "--out",
                 dir_.path() + "/perc.csv"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
  }

  void casesWithoutTargetOrLabelStillRun() {
    // The clinical use: FLAIR and the label are missing. Inference still writes every output.
    const QString clinical = dir_.path() + "/clinical", out = dir_.path() + "/clinical-out";
    QVERIFY(QDir().mkpath(clinical));
    const QString id = "BraTS20_Phantom_001";
    QVERIFY(QDir().mkpath(clinical + "/" + id));
    for (const char* m : {"t1", "t1ce", "t2"})
      QVERIFY(QFile::copy(QString("%1/%2/%2_%3.nii.gz").arg(data_, id, m), QString("%1/%2/%2_%3.nii.gz").arg(clinical, id, m)));
    QFile manifest(clinical + "/manifest.json");
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write(R"({"patterns": {"t1": "{case}/{case}_t1.nii.gz", "t1ce": "{case}/{case}_t1ce.nii.gz",
      "t2": "{case}/{case}_t2.nii.gz", "flair": "{case}/{case}_flair.nii.gz", "seg": "{case}/{case}_seg.nii.gz"},
      "task": {"name": "glioma", "sources": ["t1", "t1ce", "t2"], "target": "flair", "label": "seg", "label_values": [0, 1, 2, 4]}})");
    manifest.close();
    const QString tn = dir_.path() + "/tn";
    QVERIFY(QFile::exists(tn + "/checkpoints/last.pt"));
    const Run r = tissnet({"infer", "--run", tn, "--data", clinical, "--cases", "all", "--out", out, "--threads", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(QString("%1/%2/%2_synth.nii.gz").arg(out, id)));
    QVERIFY(QFile::exists(QString("%1/%2/%2_yf_mask.nii.gz").arg(out, id)));
    QVERIFY(!QFile::exists(QString("%1/%2/%2_target_norm.nii.gz").arg(out, id)));
  }

  void separateSynthesisThenSegmentation() {
    const QString syn = dir_.path() + "/syn", seg = dir_.path() + "/seg-synth";
    Run r = tissnet(QStringList{"train", "--data", data_, "--run", syn, "--set", "loss.lambda_p=0"} + tiny("synthesis", 20));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(!r.out.contains("\"fine\":"));  // no segmentor in the synthesis stage
    r = tissnet(QStringList{"train", "--data", data_, "--run", seg, "--set", "runs.synthesis=" + syn} + tiny("seg-synth", 20));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("\"state\":\"finished\""));
  }

  void sameSeedSameLosses() {
    const QString a = dir_.path() + "/det-a", b = dir_.path() + "/det-b";
    QCOMPARE(tissnet(QStringList{"train", "--data", data_, "--run", a} + tiny("seg-source", 20)).code, 0);
    QCOMPARE(tissnet(QStringList{"train", "--data", data_, "--run", b} + tiny("seg-source", 20)).code, 0);
    const auto la = stepLosses(a), lb = stepLosses(b);
    QCOMPARE(la.size(), 20);
    QCOMPARE(la, lb);
  }

  void resumeAfterAKillMatchesAnUninterruptedRun() {
    const QString whole = dir_.path() + "/whole", killed = dir_.path() + "/killed";
    QCOMPARE(tissnet(QStringList{"train", "--data", data_, "--run", whole} + tiny("seg-all", 40)).code, 0);
    QProcess p;
    p.start(qEnvironmentVariable("TISSNET"), QStringList{"train", "--data", data_, "--run", killed} + tiny("seg-all", 40));
    QVERIFY(p.waitForStarted());
    QByteArray seen;
    while (!seen.contains("\"kind\":\"last\",\"step\":20") && p.state() == QProcess::Running) {
      p.waitForReadyRead(1000);
      seen += p.readAllStandardOutput();
    }
    p.kill();  // SIGKILL: no chance to save anything more
    p.waitForFinished();
    QVERIFY(seen.contains("\"kind\":\"last\",\"step\":20"));
    const Run r = tissnet({"train", "--data", data_, "--run", killed, "--resume", "--threads", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("\"event\":\"resume\""));
    const auto a = stepLosses(whole), b = stepLosses(killed);
    for (int step = 21; step <= 40; ++step) QCOMPARE(b.value(step), a.value(step));
  }

  void refusesBadRequests() {
    Run r = tissnet(QStringList{"train", "--data", data_, "--run", dir_.path() + "/x", "--set", "loss.lambda_q=3"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("unknown key 'loss.lambda_q'"), qPrintable(r.err));
    r = tissnet(QStringList{"train", "--data", data_, "--run", dir_.path() + "/y"} + tiny("tissnet"));
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("runs.sp"), qPrintable(r.err));
    r = tissnet(QStringList{"train", "--data", data_, "--run", dir_.path() + "/z", "--device", "cuda:7"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("cuda:7"), qPrintable(r.err));
    r = tissnet(QStringList{"train", "--data", data_, "--run", dir_.path() + "/whole"} + tiny("sp"));
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("--resume"), qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestEngineCli)
#include "test_engine_cli.moc"

// The BraSyn workflow end to end through the real `tissnet`: a phantom set in BraTS 2023
// naming, one tiny synthesis run per sequence (data.target), drop -> complete -> export
// nnunet -> brasyn eval; then training and inference on the exported nnU-Net dataset and
// on an MSD-style 4D dataset, so every layout is trained and inferred on.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "cli_support.h"
#include "nifti4d.h"
#include "tiss/io/image_io.h"

using testsupport::Run;
using testsupport::tissnet;

namespace {

const QStringList kKeys{"t1", "t1ce", "t2", "flair"};
const QMap<QString, QString> kNames{{"t1", "t1n"}, {"t1ce", "t1c"}, {"t2", "t2w"}, {"flair", "t2f"}, {"seg", "seg"}};

QString id2023(int i) { return QString("BraTS-GLI-%1-000").arg(i, 5, 10, QChar('0')); }
QString file2023(const QString& root, const QString& id, const QString& name) { return QString("%1/%2/%2-%3.nii.gz").arg(root, id, name); }

// The phantom's BraTS 2020 case renamed to BraTS 2023 (label 4 -> 3) through core's I/O.
bool convertCase(const QString& from, const QString& id2020, const QString& to, const QString& id) {
  for (auto it = kNames.begin(); it != kNames.end(); ++it) {
    auto v = tiss::readVolume(QString("%1/%2/%2_%3.nii.gz").arg(from, id2020, it.key()).toStdString());
    if (!v) return false;
    if (it.key() == "seg")
      for (float& x : v->voxels) x = x == 4 ? 3 : x;
    if (!tiss::writeVolume(*v, file2023(to, id, it.value()).toStdString())) return false;
  }
  return true;
}

QJsonObject readJson(const QString& file) {
  QFile f(file);
  return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

QByteArray bytes(const QString& file) {
  QFile f(file);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

QStringList filesUnder(const QString& dir) {
  QStringList files;
  QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) files << QDir(dir).relativeFilePath(it.next());
  files.sort();
  return files;
}

QStringList tiny(const QString& stage) {
  return {"--preset", "cpu-small", "--set", "stage=" + stage, "--set", "net.channels=[4,8,8,16,16]", "--set", "net.disc_channels=4",
          "--set", "data.patch=16x32x32", "--set", "optim.iterations_per_epoch=2", "--set", "optim.epochs_constant=1",
          "--set", "optim.epochs_decay=0", "--set", "validation.every=0", "--set", "checkpoint.every=2", "--threads", "2"};
}

}  // namespace

class TestBrasynCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString data_, dropped_, completed_, nnunet_;

  QString path(const QString& rel) const { return dir_.path() + "/" + rel; }

 private slots:
  void initTestCase() {
    const Run r = tissnet({"phantom", "--cases", "6", "--size", "16x48x48", "--seed", "3", "--out", path("phantom")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    data_ = path("BraTS2023");
    const QStringList ids = QDir(path("phantom")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (int i = 0; i < ids.size(); ++i) QVERIFY(convertCase(path("phantom"), ids[i], data_, id2023(i + 1)));
  }

  void onePerSequenceRunsTrain() {
    // BraSyn: one run per sequence it synthesizes, named as the layout names it.
    for (const QString& key : kKeys) {
      const Run r = tissnet(QStringList{"train", "--data", data_, "--run", path("run-" + kNames[key]), "--set",
                                        "data.target=" + kNames[key], "--set", "loss.lambda_p=0"} + tiny("synthesis"));
      QVERIFY2(r.code == 0, qPrintable(r.err));
      QCOMPARE(readJson(path("run-" + kNames[key]) + "/run.json")["target"].toString(), key);
    }
    const Run bad = tissnet(QStringList{"train", "--data", data_, "--run", path("run-dwi"), "--set", "data.target=dwi"} + tiny("synthesis"));
    QVERIFY2(bad.code == 1 && bad.err.contains("dwi") && bad.err.contains("t1ce"), qPrintable(bad.err));
  }

  void dropRemovesOneSequencePerCase() {
    dropped_ = path("dropped");
    const Run r = tissnet({"brasyn", "drop", "--data", data_, "--out", dropped_, "--seed", "7"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject dropped = readJson(dropped_ + "/brasyn.json")["dropped"].toObject();
    QCOMPARE(dropped.size(), 6);
    QSet<QString> kinds;
    for (const QString& id : dropped.keys()) {
      const QString name = dropped[id].toObject()["name"].toString();
      kinds << name;
      for (const QString& n : kNames) {
        const bool gone = n == name || n == "seg";  // the dropped sequence and the label
        QCOMPARE(QFile::exists(file2023(dropped_, id, n)), !gone);
        if (!gone) QCOMPARE(bytes(file2023(dropped_, id, n)), bytes(file2023(data_, id, n)));
      }
    }
    QVERIFY2(kinds.size() >= 2, "six cases, seed 7: more than one sequence dropped");
    // Same seed, same choice; an existing folder is refused.
    const Run again = tissnet({"brasyn", "drop", "--data", data_, "--out", path("dropped-again"), "--seed", "7"});
    QCOMPARE(readJson(path("dropped-again/brasyn.json"))["dropped"], readJson(dropped_ + "/brasyn.json")["dropped"]);
    const Run refused = tissnet({"brasyn", "drop", "--data", data_, "--out", dropped_});
    QVERIFY2(refused.code == 1 && refused.err.contains("not empty"), qPrintable(refused.err));
  }

  void completeWritesExactlyTheMissingFile() {
    // A missing run is named with a case that needs it; nothing is written.
    const Run partial = tissnet({"complete", "--data", dropped_, "--runs", "t2f=" + path("run-t2f"), "--out", path("partial")});
    QVERIFY2(partial.code == 1 && partial.err.contains("--runs"), qPrintable(partial.err));
    QVERIFY(!QFile::exists(path("partial")) || filesUnder(path("partial")).isEmpty());
    // A run for the wrong sequence is refused.
    const Run wrong = tissnet({"complete", "--data", dropped_, "--runs", "t2f=" + path("run-t1n"), "--out", path("wrong")});
    QVERIFY2(wrong.code == 1 && wrong.err.contains("synthesizes t1n"), qPrintable(wrong.err));

    completed_ = path("completed");
    QStringList runs;
    for (const QString& key : kKeys) runs << kNames[key] + "=" + path("run-" + kNames[key]);
    const Run r = tissnet({"complete", "--data", dropped_, "--runs", runs.join(','), "--out", completed_, "--threads", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject dropped = readJson(dropped_ + "/brasyn.json")["dropped"].toObject();
    for (const QString& id : dropped.keys()) {
      const QString name = dropped[id].toObject()["name"].toString();
      for (const QString& n : QStringList{"t1n", "t1c", "t2w", "t2f"}) {
        QVERIFY2(QFile::exists(file2023(completed_, id, n)), qPrintable(id + " " + n));
        if (n != name) QCOMPARE(bytes(file2023(completed_, id, n)), bytes(file2023(data_, id, n)));
      }
      QVERIFY(!QFile::exists(file2023(completed_, id, "seg")));  // no label appears
      auto synth = tiss::readVolume(file2023(completed_, id, name).toStdString());
      auto real = tiss::readVolume(file2023(data_, id, name).toStdString());
      QVERIFY(synth.ok() && real.ok());
      QVERIFY(synth->geometry.sameAs(real->geometry));
      QVERIFY(synth->pixelType == real->pixelType);
      // The input's intensity range: non-negative, same order of magnitude as the real image.
      const auto [lo, hi] = std::minmax_element(synth->voxels.begin(), synth->voxels.end());
      const float realHigh = *std::max_element(real->voxels.begin(), real->voxels.end());
      QVERIFY2(*lo >= 0 && *hi > 0.2f * realHigh && *hi < 2.f * realHigh, qPrintable(QString("%1 %2 %3").arg(*lo).arg(*hi).arg(realHigh)));
      QCOMPARE(readJson(completed_ + "/completed.json")["cases"].toObject()[id].toObject()["name"].toString(), name);
    }
    QCOMPARE(filesUnder(completed_).filter(".nii.gz").size(), 6 * 4);
  }

  void exportNnunetIsAValidDataset() {
    nnunet_ = path("Dataset501_BraSynPhantom");
    const Run bad = tissnet({"export", "nnunet", "--data", data_, "--out", path("phantom-nnunet")});
    QVERIFY2(bad.code == 1 && bad.err.contains("DatasetXXX_Name"), qPrintable(bad.err));
    const Run r = tissnet({"export", "nnunet", "--data", data_, "--completed", completed_, "--out", nnunet_});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile f(nnunet_ + "/dataset.json");
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonObject j = QJsonDocument::fromJson(f.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject channels = j["channel_names"].toObject();
    QCOMPARE(channels["0"].toString(), QString("T1"));
    QCOMPARE(channels["1"].toString(), QString("T1ce"));
    QCOMPARE(channels["2"].toString(), QString("T2"));
    QCOMPARE(channels["3"].toString(), QString("FLAIR"));
    QCOMPARE(j["numTraining"].toInt(), 6);
    QCOMPARE(j["labels"].toObject().size(), 4);
    QCOMPARE(j["file_ending"].toString(), QString(".nii.gz"));
    QCOMPARE(QDir(nnunet_ + "/imagesTr").entryList(QDir::Files).size(), 24);
    QCOMPARE(QDir(nnunet_ + "/labelsTr").entryList(QDir::Files).size(), 6);
    // The completed (synthesized) image is the one exported.
    const QString id = id2023(1), name = readJson(dropped_ + "/brasyn.json")["dropped"].toObject()[id].toObject()["name"].toString();
    const int channel = QStringList{"t1n", "t1c", "t2w", "t2f"}.indexOf(name);
    QCOMPARE(bytes(QString("%1/imagesTr/%2_%3.nii.gz").arg(nnunet_, id).arg(channel, 4, 10, QChar('0'))), bytes(file2023(completed_, id, name)));
    const Run again = tissnet({"export", "nnunet", "--data", data_, "--out", nnunet_});
    QVERIFY2(again.code == 1 && again.err.contains("not empty"), qPrintable(again.err));
    const Run check = tissnet({"check", nnunet_});
    QVERIFY2(check.code == 0 && check.out.contains("layout nnunet"), qPrintable(check.out + check.err));
  }

  void brasynEvalTableByDroppedSequence() {
    const Run r = tissnet({"brasyn", "eval", "--data", data_, "--completed", completed_, "--out", path("brasyn.csv")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("| dropped | cases | PSNR (dB)") && r.out.contains("| all | 6 |") && r.out.contains("BraSyn convention"),
             qPrintable(r.out));
    // Scored against a data set that lacks what was synthesized: named, not an internal error.
    const Run wrong = tissnet({"brasyn", "eval", "--data", dropped_, "--completed", completed_});
    QVERIFY2(wrong.code == 1 && wrong.err.contains("file not found"), qPrintable(wrong.err));
    const QStringList rows = QString::fromUtf8(bytes(path("brasyn.csv"))).trimmed().split('\n');
    QCOMPARE(rows.size(), 7);
    for (const QString& row : rows.mid(1)) {
      const double psnr = row.split(',')[2].toDouble();
      QVERIFY2(psnr > 5 && psnr < 60, qPrintable(row));
    }
  }

  void everyLayoutTrainsAndInfers() {
    // The exported nnU-Net dataset and an MSD-style 4D one: a tiny tissnet-free run each.
    const QString msd = path("Task01_BrainTumour");
    const QStringList ids = QDir(data_).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QString training;
    for (int i = 0; i < 4; ++i) {
      std::vector<tiss::Volume> channels;
      for (const char* n : {"t2f", "t1n", "t1c", "t2w"}) channels.push_back(*tiss::readVolume(file2023(data_, ids[i], n).toStdString()));
      testsupport::writeStacked(channels, QString("%1/imagesTr/BRATS_00%2.nii.gz").arg(msd).arg(i + 1).toStdString());
      QVERIFY(QDir().mkpath(msd + "/labelsTr"));
      QVERIFY(QFile::copy(file2023(data_, ids[i], "seg"), QString("%1/labelsTr/BRATS_00%2.nii.gz").arg(msd).arg(i + 1)));
      training += QString("%1{\"image\": \"./imagesTr/BRATS_00%2.nii.gz\", \"label\": \"./labelsTr/BRATS_00%2.nii.gz\"}").arg(i ? "," : "").arg(i + 1);
    }
    QFile json(msd + "/dataset.json");
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(QString(R"({"name": "BRATS", "modality": {"0": "FLAIR", "1": "T1w", "2": "t1gd", "3": "T2w"},
        "labels": {"0": "background", "1": "edema", "2": "non-enhancing tumor", "3": "enhancing tumour"}, "training": [%1]})")
                   .arg(training).toUtf8());
    json.close();
    for (const QString& data : {nnunet_, msd}) {
      const QString run = data + "-run", out = data + "-out";
      Run r = tissnet(QStringList{"train", "--data", data, "--run", run} + tiny("seg-source"));
      QVERIFY2(r.code == 0, qPrintable(data + ": " + r.err));
      r = tissnet({"infer", "--run", run, "--data", data, "--out", out, "--cases", "all", "--threads", "2"});
      QVERIFY2(r.code == 0, qPrintable(data + ": " + r.err));
      QVERIFY2(filesUnder(out).filter("_seg_mask.nii.gz").size() >= 4, qPrintable(filesUnder(out).join(' ')));
    }
  }

  void brasynEvalScoresTheSegmentationOfTheCompletedCases() {
    // The seg-source run above segmented the exported (completed) cases: their Dice by dropped sequence.
    const Run r = tissnet({"brasyn", "eval", "--data", data_, "--completed", completed_, "--seg", nnunet_ + "-out",
                           "--seg-pattern", "{case}/{case}_seg_mask.nii.gz", "--out", path("brasyn-seg.csv")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(!r.out.contains("| n/a |"), qPrintable(r.out));  // every row has its Dice
    const QStringList rows = QString::fromUtf8(bytes(path("brasyn-seg.csv"))).trimmed().split('\n');
    QCOMPARE(rows.size(), 7);
    for (const QString& row : rows.mid(1)) {
      const double dice = row.split(',')[5].toDouble();
      QVERIFY2(dice >= 0 && dice <= 100 && !row.split(',')[5].isEmpty(), qPrintable(row));
    }
  }
};

QTEST_GUILESS_MAIN(TestBrasynCli)
#include "test_brasyn_cli.moc"

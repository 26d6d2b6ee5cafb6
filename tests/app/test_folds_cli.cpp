// Cross-validation through the real `tissnet`: `split --folds K` writes nnU-Net's
// splits_final.json, a run trained with data.fold = k records that fold's split, and its
// inference of "val" covers exactly the fold's validation cases.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "cli_support.h"

using testsupport::Run;
using testsupport::tissnet;

namespace {

QJsonDocument readJson(const QString& file) {
  QFile f(file);
  return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()) : QJsonDocument();
}

QStringList strings(const QJsonArray& a) {
  QStringList out;
  for (const auto& v : a) out << v.toString();
  out.sort();
  return out;
}

}  // namespace

class TestFoldsCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private Q_SLOTS:
  void aFoldRunInfersExactlyItsValidationCases() {
    const QString data = dir_.path() + "/data", run = dir_.path() + "/fold1", out = dir_.path() + "/val";
    Run r = tissnet({"phantom", "--cases", "5", "--size", "16x48x48", "--seed", "2", "--out", data});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = tissnet({"split", data, "--folds", "2", "--seed", "4"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("2 folds over 5 cases"), qPrintable(r.out));
    const QJsonArray folds = readJson(data + "/splits_final.json").array();
    QCOMPARE(folds.size(), 2);
    QVERIFY(tissnet({"split", data, "--folds", "3"}).code != 0);  // no silent replacement
    r = tissnet({"train", "--data", data, "--run", run, "--preset", "cpu-small", "--set", "stage=synthesis", "--set",
                 "data.fold=1", "--set", "loss.lambda_p=0", "--set", "net.channels=[4,8,8,16,16]", "--set", "net.disc_channels=4",
                 "--set", "data.patch=16x32x32", "--set", "optim.iterations_per_epoch=2", "--set", "optim.epochs_constant=1",
                 "--set", "optim.epochs_decay=0", "--set", "validation.every=0", "--set", "checkpoint.every=2", "--threads", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject info = readJson(run + "/run.json").object();
    QCOMPARE(info["fold"].toInt(), 1);
    QCOMPARE(strings(info["val"].toArray()), strings(folds[1].toObject()["val"].toArray()));
    QCOMPARE(strings(info["train"].toArray()), strings(folds[1].toObject()["train"].toArray()));
    r = tissnet({"infer", "--run", run, "--data", data, "--cases", "val", "--out", out, "--threads", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QStringList inferred = QDir(out).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    inferred.sort();
    QCOMPARE(inferred, strings(folds[1].toObject()["val"].toArray()));
    // A fold the file does not have is named.
    r = tissnet({"train", "--data", data, "--run", dir_.path() + "/fold7", "--preset", "cpu-small", "--set", "data.fold=7"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("splits_final.json") && r.err.contains("data.fold 7"), qPrintable(r.err));
    QVERIFY(!QFile::exists(dir_.path() + "/fold7/config.json"));
  }
};

QTEST_GUILESS_MAIN(TestFoldsCli)
#include "test_folds_cli.moc"

// Workspaces: created on first open, data sets remembered, recent list kept, and a damaged
// workspace file reported without being overwritten.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "shell/WorkspaceModel.h"

using namespace tiss::ui;

class TestWorkspaceModel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::unique_ptr<QSettings> store_;

 private Q_SLOTS:
  void init() { store_ = std::make_unique<QSettings>(dir_.path() + "/settings.ini", QSettings::IniFormat); }

  void firstOpenCreatesTheFolders() {
    WorkspaceModel w(store_.get());
    const QString ws = dir_.path() + "/first";
    QVERIFY(w.open(ws).ok());
    QVERIFY(QFile::exists(ws + "/workspace.json"));
    QVERIFY(QFileInfo(w.runsFolder()).isDir());
    QVERIFY(QFileInfo(w.sweepsFolder()).isDir());
  }

  void dataSetsAreRememberedOnce() {
    const QString ws = dir_.path() + "/sets";
    {
      WorkspaceModel w(store_.get());
      QVERIFY(w.open(ws).ok());
      QVERIFY(w.addDataset("/data/brats").ok());
      QVERIFY(w.addDataset("/data/brats").ok());
      QVERIFY(w.addDataset("/data/vs").ok());
      QVERIFY(w.setCurrentDataset("/data/vs").ok());
    }
    WorkspaceModel again(store_.get());
    QVERIFY(again.open(ws).ok());
    QCOMPARE(again.datasets(), QStringList({"/data/brats", "/data/vs"}));
    QCOMPARE(again.currentDataset(), QString("/data/vs"));
    QVERIFY(again.addExternalRun("/cluster/runs/a").ok());
    QVERIFY(again.addExternalRun(ws + "/runs/inside").ok());  // the workspace's own runs are scanned anyway
    WorkspaceModel third(store_.get());
    QVERIFY(third.open(ws).ok());
    QCOMPARE(third.externalRuns(), QStringList({"/cluster/runs/a"}));
    QVERIFY(again.removeDataset("/data/brats").ok());
    QCOMPARE(again.datasets(), QStringList({"/data/vs"}));
  }

  void recentListIsMostRecentFirstAndBounded() {
    WorkspaceModel w(store_.get());
    for (int i = 0; i < WorkspaceModel::kMaxRecent + 3; ++i) QVERIFY(w.open(dir_.path() + QString("/r%1").arg(i)).ok());
    QVERIFY(w.open(dir_.path() + "/r2").ok());
    const QStringList recent = w.recentWorkspaces();
    QCOMPARE(recent.size(), WorkspaceModel::kMaxRecent);
    QCOMPARE(recent.first(), dir_.path() + "/r2");
    QCOMPARE(recent.at(1), dir_.path() + QString("/r%1").arg(WorkspaceModel::kMaxRecent + 2));
  }

  void aDamagedWorkspaceFileIsReportedAndKept() {
    const QString ws = dir_.path() + "/damaged";
    QVERIFY(QDir().mkpath(ws));
    QFile f(ws + "/workspace.json");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"datasets\": [\"/data/a\"");
    f.close();
    WorkspaceModel w(store_.get());
    const auto st = w.open(ws);
    QVERIFY(!st.ok());
    QVERIFY(QString::fromStdString(st.error().file).endsWith("workspace.json"));
    QVERIFY(QString::fromStdString(st.error().message).contains("not a valid workspace file"));
    QFile kept(ws + "/workspace.json");
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("{\"datasets\": [\"/data/a\""));
  }
};

QTEST_MAIN(TestWorkspaceModel)
#include "test_WorkspaceModel.moc"

// The workbench's models have one owner, usable without a window: each exists once, is owned
// by the WorkbenchModel (gone with it), and works headless (a workspace opens, a run folder
// under it is attached).
#include <QDir>
#include <QPointer>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "common/TaskProgressModel.h"
#include "dataset/DatasetSession.h"
#include "shell/SettingsModel.h"
#include "shell/WorkbenchModel.h"
#include "shell/WorkspaceModel.h"
#include "sweep/SweepModel.h"
#include "training/RunsModel.h"
#include "viewer/ApplyModelModel.h"

using namespace tiss::ui;

class TestWorkbenchModel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private Q_SLOTS:
  void ownsEveryModelOnce() {
    QSettings store(dir_.path() + "/settings.ini", QSettings::IniFormat);
    auto model = std::make_unique<WorkbenchModel>(&store);
    QCOMPARE(model->store(), &store);
    const QList<QObject*> owned{model->settings(), model->workspace(), model->tasks(), model->session(),
                                model->runs(),     model->sweep(),     model->apply()};
    QList<QPointer<QObject>> alive;
    for (QObject* o : owned) {
      QVERIFY(o);
      QCOMPARE(o->parent(), model.get());
      QCOMPARE(owned.count(o), 1);
      alive << QPointer<QObject>(o);
    }
    model.reset();
    for (const auto& p : alive) QVERIFY(p.isNull());  // deleted with their owner
  }

  void worksWithoutAWindow() {
    QSettings store(dir_.path() + "/settings2.ini", QSettings::IniFormat);
    WorkbenchModel model(&store);
    const QString ws = dir_.path() + "/workspace";
    QVERIFY(model.workspace()->open(ws).ok());
    // A folder with a config.json is a run (tiss/training/run_folder.h); the runs model finds it.
    const QString run = model.workspace()->runsFolder() + "/r1";
    QVERIFY(QDir().mkpath(run));
    QFile config(run + "/config.json");
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("{}");
    config.close();
    QDir().mkpath(model.workspace()->runsFolder() + "/not-a-run");
    model.runs()->scan(model.workspace()->runsFolder());
    QCOMPARE(model.runs()->rowCount(), 1);
    QVERIFY(!model.tasks()->busy());
  }
};

QTEST_MAIN(TestWorkbenchModel)
#include "test_WorkbenchModel.moc"

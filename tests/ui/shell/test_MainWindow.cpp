// The workbench window, offscreen: menus follow the language, the dock layout is remembered,
// the shortcuts dialog lists the actions, opening a data set fills the browser and a
// double-click opens the case; a bad folder gives a message and loses nothing.
#include <QDockWidget>
#include <QFile>
#include <QMenuBar>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include "common/Translations.h"
#include "dataset/CaseFilterModel.h"
#include "dataset/DatasetBrowserPanel.h"
#include "dataset/DatasetSession.h"
#include "viewer/CaseViewerModel.h"
#include "viewer/CaseViewerPage.h"
#include "shell/MainWindow.h"
#include "shell/ShortcutsDialog.h"
#include "shell/WorkspaceModel.h"
#include "test_support.h"
#include "sweep_support.h"
#include "sweep/SweepModel.h"

using namespace tiss;
using namespace tiss::ui;

class TestMainWindow : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::unique_ptr<QSettings> store_;

  QStringList menuTitles(MainWindow& w) {
    QStringList titles;
    for (QAction* a : w.menuBar()->actions()) titles << a->text();
    return titles;
  }
  // Qt posts LanguageChange to the windows; deliver it before looking.
  bool switchTo(const QString& code) {
    const bool ok = switchLanguage(code);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return ok;
  }
  std::unique_ptr<MainWindow> makeWindow() {
    auto w = std::make_unique<MainWindow>(store_.get());
    w->setQuiet(true);
    return w;
  }

 private Q_SLOTS:
  void initTestCase() {
    store_ = std::make_unique<QSettings>(dir_.path() + "/settings.ini", QSettings::IniFormat);
    testsupport::writePhantom(dir_.path() + "/data", PhantomLayout::Brats, 4, 9);
  }

  void menusFollowTheLanguage() {
    auto w = makeWindow();
    QCOMPARE(menuTitles(*w), QStringList({"&File", "&View", "&Tools", "&Help"}));
    QVERIFY(switchTo("de"));
    QCOMPARE(menuTitles(*w), QStringList({"&Datei", "&Ansicht", "&Werkzeuge", "&Hilfe"}));
    QCOMPARE(w->pages()->tabText(0), QString("Datensatz"));
    QVERIFY(switchTo("zh_CN"));
    QVERIFY(menuTitles(*w).first().contains(QString::fromUtf8("文件")));
    QVERIFY(switchTo("en"));
    QCOMPARE(menuTitles(*w).first(), QString("&File"));
  }

  void dockLayoutIsRemembered() {
    {
      auto w = makeWindow();
      w->show();
      auto* log = w->findChild<QDockWidget*>("logDock");
      QVERIFY(log && log->isVisible());
      log->hide();
      w->saveLayout();
    }
    auto w = makeWindow();
    w->show();
    QVERIFY(!w->findChild<QDockWidget*>("logDock")->isVisible());
    QVERIFY(w->findChild<QDockWidget*>("workspaceDock")->isVisible());
    w->findChild<QDockWidget*>("logDock")->show();
    w->saveLayout();
  }

  void shortcutsDialogListsTheActions() {
    auto w = makeWindow();
    int withShortcut = 0;
    for (QAction* a : w->allActions()) withShortcut += !a->shortcut().isEmpty();
    ShortcutsDialog dialog(w->allActions());
    QCOMPARE(dialog.table()->rowCount(), withShortcut);
    QStringList keys;
    for (int r = 0; r < dialog.table()->rowCount(); ++r) keys << dialog.table()->item(r, 1)->text();
    QVERIFY2(keys.contains("Ctrl+O"), qPrintable(keys.join(", ")));
    QVERIFY(keys.contains("F1"));
    QVERIFY(keys.contains("Ctrl+F"));
  }

  void openingADataSetFillsTheBrowserAndDoubleClickOpensTheCase() {
    auto w = makeWindow();
    QVERIFY(w->openWorkspace(dir_.path() + "/ws"));
    QSignalSpy done(w->session(), &DatasetSession::scanFinished);
    w->openDataset(dir_.path() + "/data");
    QVERIFY(done.wait(60000));
    QCOMPARE(w->browser()->table()->model()->rowCount(), 4);
    QCOMPARE(w->workspace()->datasets(), QStringList({dir_.path() + "/data"}));
    // Ctrl+P toggles the problems filter: none here.
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QTest::keyClick(w.get(), Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(w->browser()->table()->model()->rowCount(), 0);
    QTest::keyClick(w.get(), Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(w->browser()->table()->model()->rowCount(), 4);
    // Double-click on the second row.
    QTableView* table = w->browser()->table();
    const QModelIndex second = table->model()->index(1, 0);
    const QRect rect = table->visualRect(second);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(w->pages()->count(), 4);  // data set, training, sweeps, the case
    auto* page = qobject_cast<CaseViewerPage*>(w->pages()->currentWidget());
    QVERIFY(page);
    QCOMPARE(page->caseId(), second.data().toString());
    // Reopening the workspace reopens its data set.
    auto again = makeWindow();
    QSignalSpy reopened(again->session(), &DatasetSession::scanFinished);
    QVERIFY(again->openWorkspace(dir_.path() + "/ws"));
    QVERIFY(reopened.wait(60000));
    QCOMPARE(again->session()->cases()->rowCount(), 4);
  }

  // A case folder dropped on the window opens as a case of its own (modalities guessed, kept in
  // the workspace's cases/); a data set folder dropped opens in the browser, and the case stays.
  void droppedCaseFolderOpensAsACaseAndADataSetFolderInTheBrowser() {
    const QString data = dir_.path() + "/data";
    const QString id = QDir(data).entryList(QDir::Dirs | QDir::NoDotAndDotDot).first();
    const QString clinic = dir_.path() + "/clinic/Patient 12";
    QVERIFY(QDir().mkpath(clinic));
    for (const char* key : {"t1", "t1ce", "t2"})
      QVERIFY(QFile::copy(data + "/" + id + "/" + id + "_" + key + ".nii.gz", clinic + "/" + id + "_" + key + ".nii.gz"));
    auto w = makeWindow();
    QVERIFY(w->openWorkspace(dir_.path() + "/ws-drop"));
    auto drop = [&w](const QString& path) {
      QMimeData mime;
      mime.setUrls({QUrl::fromLocalFile(path)});
      QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
      QCoreApplication::sendEvent(w.get(), &enter);
      if (!enter.isAccepted()) return false;
      QDropEvent dropped(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
      QCoreApplication::sendEvent(w.get(), &dropped);
      return true;
    };
    QVERIFY(drop(clinic));
    auto* page = qobject_cast<CaseViewerPage*>(w->pages()->currentWidget());
    QVERIFY2(page, qPrintable(w->lastError()));
    QCOMPARE(page->caseId(), QString("Patient 12"));
    QVERIFY(page->model()->standalone());
    QVERIFY(QFileInfo::exists(dir_.path() + "/ws-drop/cases/Patient 12/manifest.json"));
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->images() != nullptr, 30000);
    QCOMPARE(page->model()->images()->keys(), QStringList({"t1", "t1ce", "t2"}));
    QCOMPARE(QDir(clinic).entryList(QDir::Files).size(), 3);  // nothing written beside the user's files
    // Listed in the Workspace panel: closed, it opens again from there.
    auto* list = w->findChild<QListWidget*>("datasetList");
    const auto kept = list->findItems("Patient 12", Qt::MatchExactly);
    QCOMPARE(kept.size(), 1);
    delete page;
    Q_EMIT list->itemActivated(kept.first());
    page = qobject_cast<CaseViewerPage*>(w->pages()->currentWidget());
    QVERIFY(page && page->caseId() == "Patient 12" && page->model()->standalone());

    QSignalSpy done(w->session(), &DatasetSession::scanFinished);
    QVERIFY(drop(data));
    QVERIFY(done.wait(60000));
    QCOMPARE(w->session()->folder(), data);
    QCOMPARE(w->pages()->count(), MainWindow::kFixedPages + 1);  // the dropped case stayed open
    // A folder with no image file: said, naming it, and no page.
    const QString empty = dir_.path() + "/clinic/empty";
    QVERIFY(QDir().mkpath(empty));
    QVERIFY(drop(empty));
    QVERIFY2(w->lastError().contains(empty), qPrintable(w->lastError()));
    QCOMPARE(w->pages()->count(), MainWindow::kFixedPages + 1);
  }

  void aFolderThatIsNoDataSetGivesAMessageAndLosesNothing() {
    auto w = makeWindow();
    QVERIFY(w->openWorkspace(dir_.path() + "/ws"));
    QSignalSpy done(w->session(), &DatasetSession::scanFinished);
    const QString empty = dir_.path() + "/empty";
    QVERIFY(QDir().mkpath(empty));
    w->openDataset(empty);
    QVERIFY(done.wait(10000));
    QVERIFY2(w->lastError().contains(empty), qPrintable(w->lastError()));
    QCOMPARE(w->workspace()->datasets(), QStringList({dir_.path() + "/data"}));
    QFile json(dir_.path() + "/ws/workspace.json");
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(json.readAll().contains("/data\""));
  }

  void sweepsOpenOnTheirPageAndStayInTheWorkspace() {
    auto w = makeWindow();
    QVERIFY(w->openWorkspace(dir_.path() + "/ws3"));
    QCOMPARE(w->pages()->tabText(2), QString("Sweeps"));
    // A paused sweep opened from elsewhere: shown, listed again next time, not continued.
    const tiss::SweepFolder f = testsupport::gridSweep((dir_.path() + "/elsewhere-sweep").toStdString());
    QVERIFY(tiss::setPaused(f, true).ok());
    QVERIFY(w->openSweep(dir_.path() + "/elsewhere-sweep"));
    QCOMPARE(w->pages()->currentIndex(), 2);
    QCOMPARE(w->sweep()->rowCount(), 4);
    QVERIFY(!tiss::readScheduler(f).alive);
    auto again = makeWindow();
    QVERIFY(again->openWorkspace(dir_.path() + "/ws3"));
    QCOMPARE(again->workspace()->sweeps(), QStringList({dir_.path() + "/elsewhere-sweep"}));
    QCOMPARE(again->sweep()->folder(), dir_.path() + "/elsewhere-sweep");
    // The Sweeps page has no close button; a folder holding no sweep is named in the error.
    QVERIFY(!w->pages()->tabBar()->tabButton(2, QTabBar::RightSide));
    QVERIFY(!w->openSweep(dir_.path() + "/no-sweep"));
    QVERIFY(w->lastError().contains("no-sweep"));
  }

  void aSweepOnSlurmOpenedInTheWorkbenchLaunchesNothing() {
    // Handed to Slurm (sweep.sbatch written): a job running on a compute node, one queued,
    // one stopped. Opening it, and reopening the workspace that lists it, starts no queue
    // and no job; Continue refuses, naming Slurm.
    const tiss::SweepFolder f = testsupport::gridSweep((dir_.path() + "/slurm-sweep").toStdString(), (dir_.path() + "/data").toStdString());
    tiss::TrialState remote;
    remote.state = "running";
    remote.phase = "train";
    remote.pid = ::getpid();  // alive here, but on another host: never adopted, never signalled
    remote.host = "node-7";
    QVERIFY(tiss::writeTrialState(f, f.jobs[0], remote).ok());
    tiss::TrialState stopped;
    stopped.state = "stopped";
    QVERIFY(tiss::writeTrialState(f, f.jobs[2], stopped).ok());
    QVERIFY(tiss::setOnCluster(f, true, f.root + "/sweep.sbatch").ok());
    auto w = makeWindow();
    QVERIFY(w->openWorkspace(dir_.path() + "/ws4"));
    QVERIFY(w->openSweep(dir_.path() + "/slurm-sweep"));
    QVERIFY(!w->sweep()->needsScheduler());
    auto again = makeWindow();
    QVERIFY(again->openWorkspace(dir_.path() + "/ws4"));  // restores its sweeps
    QTest::qWait(3000);
    QVERIFY(!QFile::exists(QString::fromStdString(f.schedulerFile())));
    QCOMPARE(tiss::readTrialState(f, f.jobs[0]).host, std::string("node-7"));
    QCOMPARE(tiss::readTrialState(f, f.jobs[1]).state, std::string("queued"));
    QCOMPARE(tiss::readTrialState(f, f.jobs[2]).state, std::string("stopped"));
    for (const auto& job : f.jobs) QVERIFY(!QFile::exists(QString::fromStdString(f.jobLog(job))));
    const auto st = w->sweep()->continueSweep(qEnvironmentVariable("TISSNET"));
    QVERIFY(!st.ok());
    QVERIFY2(st.error().message.find("Slurm") != std::string::npos, st.error().message.c_str());
    QVERIFY2(w->lastError().isEmpty(), qPrintable(w->lastError()));
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_MainWindow.moc"

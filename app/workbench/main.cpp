// tissnet-workbench: the desktop program. Opens the last (or given) workspace, optionally a
// data set in it, and can save a screenshot of the window once the data set is checked.
#include <QApplication>
#include <QCoreApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include <cstring>
#include <memory>

#include "common/TaskProgressModel.h"
#include "common/Translations.h"
#include "dataset/DatasetSession.h"
#include "dataset/ThumbnailProvider.h"
#include "shell/MainWindow.h"
#include "training/DashboardPanel.h"
#include "training/RunsModel.h"
#include "shell/SettingsModel.h"
#include "sweep/SweepModel.h"
#include "sweep/SweepPanel.h"
#include "dataset/CaseTableModel.h"
#include "viewer/ApplyModelModel.h"
#include "viewer/CaseViewerModel.h"
#include "viewer/CaseViewerPage.h"
#include "tiss/dicom/dicom_import.h"
#include "tiss/training/run_folder.h"
#include "tiss/util/version.h"

namespace {

// Opens `caseId` once the data set is listed, with extra result folders and a layout preset;
// an unknown id is said and ends the program (exit 1).
void openCaseWhenListed(tiss::ui::MainWindow* w, const QString& caseId, const QStringList& results, const QString& preset,
                        int axis, bool view3d) {
  QObject::connect(w->session(), &tiss::ui::DatasetSession::opened, w, [=] {
    tiss::ui::CaseViewerPage* page = w->openCase(caseId);
    if (!page) {
      std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "%1 has no case '%2' (--case)").arg(w->session()->folder(), caseId)));
      QTimer::singleShot(0, [] { QApplication::exit(1); });
      return;
    }
    for (const QString& r : results) page->model()->addResultFolder(r);
    if (!preset.isEmpty()) page->model()->setPreset(preset);
    if (axis >= 0) page->model()->setAxis(tiss::viewers::SliceAxis(axis));
    page->model()->load();
    if (view3d) page->setView3DVisible(true);
  }, Qt::SingleShotConnection);
}

void exitOnApplyFailure(tiss::ui::MainWindow* w) {
  QObject::connect(w->applying(), &tiss::ui::ApplyModelModel::failed, w, [](const QString& message) {
    std::fprintf(stderr, "%s\n", qPrintable(message));
    QApplication::exit(1);
  });
}

// Opens a case from files without a data set (--open-case), as File > Open Case does with the
// guessed modalities, and applies `runDir` to it when given. Failures are said (exit 1).
bool openStandalone(tiss::ui::MainWindow* w, const QStringList& paths, const QString& runDir) {
  tiss::ui::CaseViewerPage* page = w->openStandaloneCase(paths);
  if (!page) return std::fprintf(stderr, "%s\n", qPrintable(w->lastError())), false;
  if (runDir.isEmpty()) return true;
  exitOnApplyFailure(w);
  if (!w->applyModel(page, runDir)) return std::fprintf(stderr, "%s\n", qPrintable(w->lastError())), false;
  return true;
}

// Opens a folder of DICOM files as a case (--open-dicom), as File > Open DICOM Folder… does with
// the guessed sequences, then shows result folders with it. Failures are said (exit 1).
void openDicom(tiss::ui::MainWindow* w, const QString& folder, const QStringList& results, const QString& preset, int axis) {
  w->openDicomFolder(folder, [w, results, preset, axis](tiss::ui::CaseViewerPage* page) {
    if (!page) {
      std::fprintf(stderr, "%s\n", qPrintable(w->lastError()));
      QTimer::singleShot(0, [] { QApplication::exit(1); });
      return;
    }
    for (const QString& r : results) page->model()->addResultFolder(r);
    if (!preset.isEmpty()) page->model()->setPreset(preset);
    if (axis >= 0) page->model()->setAxis(tiss::viewers::SliceAxis(axis));
    page->model()->load();
  });
}

// Applies run `runDir` to `caseId` once the data set is listed (--apply); a failure is said and
// ends the program (exit 1).
void applyWhenListed(tiss::ui::MainWindow* w, const QString& caseId, const QString& runDir) {
  QObject::connect(w->session(), &tiss::ui::DatasetSession::opened, w, [=] {
    tiss::ui::CaseViewerPage* page = w->openCase(caseId);
    if (!page) return;  // said by openCaseWhenListed
    if (!w->applyModel(page, runDir)) QTimer::singleShot(0, [] { QApplication::exit(1); });
  }, Qt::SingleShotConnection);
  exitOnApplyFailure(w);
}

// Follows `folders` in the dashboard and selects them all (several: their curves compared).
void showRuns(tiss::ui::MainWindow* w, const QStringList& folders) {
  if (folders.isEmpty()) return;
  for (const QString& f : folders) w->openRun(f);
  QItemSelection selection;
  for (const QString& f : folders) {
    const int row = w->runs()->rowOf(f);
    selection.select(w->runs()->index(row, 0), w->runs()->index(row, 0));
  }
  w->dashboard()->runTable()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

// True while the window still reads or draws something a screenshot should show.
bool busy(tiss::ui::MainWindow* w) {
  if (w->session()->scanning() || w->session()->thumbnails()->pending() > 0 || w->applying()->running() || w->tasks()->busy()) return true;
  auto* page = qobject_cast<tiss::ui::CaseViewerPage*>(w->pages()->currentWidget());
  if (page && (page->model()->loading() || !page->model()->images() || page->surfacesPending())) return true;
  // Runs shown in the dashboard have been read once.
  for (int row : w->dashboard()->shownRuns())
    if (w->runs()->monitor(row)->history().lines == 0) return true;
  return false;
}

// Saves the window to `file` once the scan is done and the visible thumbnails are drawn.
void screenshotWhenReady(tiss::ui::MainWindow* w, const QString& file) {
  auto* poll = new QTimer(w);
  QObject::connect(poll, &QTimer::timeout, w, [w, file, poll] {
    if (busy(w)) return;
    poll->stop();
    const bool ok = w->grab().save(file);
    std::fprintf(ok ? stdout : stderr, ok ? "screenshot: %s\n" : "could not write the screenshot %s\n", qPrintable(file));
    QApplication::exit(ok ? 0 : 1);
  });
  poll->start(500);  // the first tick lets the view request its thumbnails
}

// What the desktop passes (Exec=tissnet-workbench %F): a run folder goes to the dashboard, a
// folder of DICOM series is imported as a case, anything else opens as a drop would (a data
// set in the browser, a case folder or NIfTI files as a case).
void openPaths(tiss::ui::MainWindow* w, const QStringList& paths) {
  QStringList rest;
  for (const QString& p : paths) {
    if (tiss::isRunFolder(p.toStdString())) {
      showRuns(w, {p});
      continue;
    }
    if (QFileInfo(p).isDir()) {
      auto dicom = tiss::scanDicomFolder(p.toStdString());
      if (dicom && !tiss::suggestedChoices(*dicom).empty()) {
        w->openDicomFolder(p);
        continue;
      }
    }
    rest << p;
  }
  if (!rest.isEmpty()) w->openDropped(rest);
}

// A window system is there to connect to: a display named, or a platform chosen (offscreen).
bool displayAvailable() {
  return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
         !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// --help and --version print and exit without a window system (help2man runs them so); without
// a display the program says what to do instead of aborting in Qt's platform plugin. Both
// need only a QCoreApplication; everything else the QApplication of the window.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv) {
  bool textOnly = false;
  for (int i = 1; i < argc; ++i)
    for (const char* flag : {"--help", "-h", "--help-all", "-?", "--version", "-v"}) textOnly = textOnly || std::strcmp(argv[i], flag) == 0;
  if (textOnly || !displayAvailable()) return std::make_unique<QCoreApplication>(argc, argv);
  auto app = std::make_unique<QApplication>(argc, argv);
  QApplication::setWindowIcon(QIcon(":/icons/tissnet.svg"));
  return app;
}

}  // namespace

int main(int argc, char** argv) {
  const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
  QCoreApplication& app = *application;
  QCoreApplication::setOrganizationName("TissWorkbench");
  QCoreApplication::setApplicationName("tissnet-workbench");
  QCoreApplication::setApplicationVersion(tiss::version());
  // The language of --help: the settings' (a --settings file's when given), read before parsing.
  const QStringList argList = app.arguments();
  const qsizetype settingsAt = argList.indexOf("--settings");
  std::unique_ptr<QSettings> store = settingsAt > 0 && settingsAt + 1 < argList.size()
                                         ? std::make_unique<QSettings>(argList[settingsAt + 1], QSettings::IniFormat)
                                         : std::make_unique<QSettings>();
  tiss::ui::switchLanguage(tiss::ui::SettingsModel(store.get()).language());
  QCommandLineParser cli;
  cli.setApplicationDescription(QApplication::translate("main", "TISS Workbench: brain-tumor MRI synthesis and segmentation"));
  cli.addHelpOption();
  cli.addVersionOption();
  const QCommandLineOption workspace("workspace", QApplication::translate("main", "Workspace folder (default: the last one, else ~/TissWorkbench)."), "dir");
  const QCommandLineOption data("data", QApplication::translate("main", "Data set folder to open and add to the workspace."), "dir");
  const QCommandLineOption settingsFile("settings", QApplication::translate("main", "Settings file to use instead of the user's."), "file");
  const QCommandLineOption screenshot("screenshot", QApplication::translate("main", "Save the window as PNG once the data set is checked, then quit."), "png");
  const QCommandLineOption caseId("case", QApplication::translate("main", "Open this case of the data set in the slice viewers."), "id");
  const QCommandLineOption results("results", QApplication::translate("main", "Show this tissnet infer output folder with the case (repeatable)."), "dir");
  const QCommandLineOption layout("layout", QApplication::translate("main", "Layout of the case: modalities, synthesis, masks or grid."), "preset");
  const QCommandLineOption axis("axis", QApplication::translate("main", "Slice axis of the case: axial, coronal or sagittal."), "axis");
  const QCommandLineOption view3d("view3d", QApplication::translate("main", "Show the case's 3D view."));
  const QCommandLineOption run("run", QApplication::translate("main", "Show this run folder in the training dashboard (repeatable: compared)."), "dir");
  const QCommandLineOption gradients("gradient-norms", QApplication::translate("main", "With --run: show the dashboard's gradient norm charts."));
  const QCommandLineOption sweep("sweep", QApplication::translate("main", "Show this sweep folder on the Sweeps page."), "dir");
  const QCommandLineOption sweepPlot("sweep-plot", QApplication::translate("main", "Write the sweep's plot (.png, .svg or .pdf), then quit."), "file");
  const QCommandLineOption plotMetric("plot-metric", QApplication::translate("main", "Metric of the sweep plot (e.g. dice_pct; default: the sweep's)."), "key");
  const QCommandLineOption plotAxis("plot-axis", QApplication::translate("main", "Swept key on the plot's x axis (default: the first; all: a panel per swept key; parallel: parallel coordinates; pareto: synthesis quality vs the metric)."), "key");
  const QCommandLineOption apply("apply", QApplication::translate("main", "Run this trained run on the --case (or the --open-case) and show its outputs (as Run model… does)."), "run");
  const QCommandLineOption openCase("open-case", QApplication::translate("main", "Open a case folder or image files without a data set, modalities guessed from the names (repeatable: several files)."), "path");
  const QCommandLineOption dicom("open-dicom", QApplication::translate("main", "Open a folder of DICOM files as a case, sequences guessed, series on another grid resampled (with --results, --layout, --axis as for --case)."), "dir");
  const QCommandLineOption plotY("plot-y", QApplication::translate("main", "Second swept key: draw a heat map over both."), "key");
  cli.addOptions({workspace, data, settingsFile, screenshot, caseId, results, layout, axis, view3d, run, gradients, sweep, sweepPlot,
                  plotMetric, plotAxis, plotY, apply, openCase, dicom});
  cli.addPositionalArgument("paths", QCoreApplication::translate("main", "NIfTI files of a case, or a case, data set, run or DICOM folder to open (as the desktop's Open With does)."),
                            "[paths...]");
  cli.process(app);  // --help and --version end here
  if (!qobject_cast<QApplication*>(&app)) {
    std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("main", "tissnet-workbench: no display to open a window on (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset). Start it in a desktop session, under Xvfb (xvfb-run -a tissnet-workbench ...), or with QT_QPA_PLATFORM=offscreen to write --screenshot or --sweep-plot files without a screen; tissnet is the command line.")));
    return 1;
  }

  tiss::ui::MainWindow window(store.get());
  tiss::ui::switchLanguage(window.settings()->language());
  if (cli.isSet(screenshot)) window.setQuiet(true);
  const QString dir = cli.isSet(workspace) ? cli.value(workspace)
                                           : store->value("workspace/last", tiss::ui::SettingsModel::defaultWorkspace()).toString();
  window.openWorkspace(dir);
  if (cli.isSet(caseId)) {
    const QStringList axes{"sagittal", "coronal", "axial"};
    openCaseWhenListed(&window, cli.value(caseId), cli.values(results), cli.value(layout),
                       cli.isSet(axis) ? int(axes.indexOf(cli.value(axis))) : -1, cli.isSet(view3d));
  }
  if (cli.isSet(apply) && !cli.isSet(caseId) && !cli.isSet(openCase))
    return std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "--apply needs --case or --open-case"))), 2;
  if (cli.isSet(apply) && cli.isSet(caseId)) applyWhenListed(&window, cli.value(caseId), cli.value(apply));
  if (cli.isSet(data)) window.openDataset(cli.value(data));
  if (cli.isSet(openCase) && !openStandalone(&window, cli.values(openCase), cli.isSet(caseId) ? QString() : cli.value(apply))) return 1;
  if (cli.isSet(dicom)) {
    const QStringList axes{"sagittal", "coronal", "axial"};
    openDicom(&window, cli.value(dicom), cli.values(results), cli.value(layout), cli.isSet(axis) ? int(axes.indexOf(cli.value(axis))) : -1);
  }
  openPaths(&window, cli.positionalArguments());
  if (cli.isSet(gradients)) window.dashboard()->gradientNormsBox()->setChecked(true);
  showRuns(&window, cli.values(run));
  if (cli.isSet(sweep) && !window.openSweep(cli.value(sweep))) return 1;
  window.show();
  if (cli.isSet(sweepPlot)) {
    const tiss::SweepSnapshot* s = window.sweep()->snapshot();
    const QStringList axes = window.sweep()->axes();
    if (!s || axes.isEmpty()) return std::fprintf(stderr, "no sweep with swept keys to plot (give --sweep DIR)\n"), 1;
    const QString metric = cli.isSet(plotMetric) ? cli.value(plotMetric) : QString::fromStdString(s->folder.spec.metric);
    const QString x = cli.isSet(plotAxis) ? cli.value(plotAxis) : axes.first();
    const int kind = cli.isSet(plotY) ? 1 : x == "all" ? 2 : x == "parallel" ? 3 : x == "pareto" ? 4 : 0;
    window.sweepPanel()->setPlot(kind, metric, x, cli.value(plotY));
    const bool ok = window.sweepPanel()->exportPlot(cli.value(sweepPlot));
    std::fprintf(ok ? stdout : stderr, ok ? "plot: %s\n" : "could not write the plot %s\n", qPrintable(cli.value(sweepPlot)));
    if (!cli.isSet(screenshot)) return ok ? 0 : 1;
  }
  if (cli.isSet(screenshot)) screenshotWhenReady(&window, cli.value(screenshot));
  return app.exec();
}

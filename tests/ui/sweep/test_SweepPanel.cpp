// SweepPanel: the page a user sees: buttons pause and resume the sweep on disk, Continue only
// when no scheduler drives unfinished work, the results table and the plot follow the folder,
// the baseline choice moves the daggers.
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "sweep/ResultsTableModel.h"
#include "sweep/SweepModel.h"
#include "sweep/SweepPanel.h"
#include "sweep/SweepPlot.h"
#include "sweep_support.h"

using namespace tiss;
using namespace tiss::ui;

class TestSweepPanel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void buttonsActOnTheFolder() {
    const SweepFolder f = testsupport::gridSweep((dir_.path() + "/a").toStdString());
    SweepModel model;
    QVERIFY(model.open(dir_.path() + "/a").ok());
    SweepPanel panel(&model);
    panel.show();
    QVERIFY(!panel.continueButton()->isHidden());  // queued jobs, no scheduler
    QCOMPARE(panel.pauseButton()->text(), QString("Pause"));
    QTest::mouseClick(panel.pauseButton(), Qt::LeftButton);
    QVERIFY(isPaused(f));
    QCOMPARE(panel.pauseButton()->text(), QString("Resume"));
    QTest::mouseClick(panel.pauseButton(), Qt::LeftButton);
    QVERIFY(!isPaused(f));
    QSignalSpy continueAsked(&panel, &SweepPanel::continueRequested);
    QTest::mouseClick(panel.continueButton(), Qt::LeftButton);
    QCOMPARE(continueAsked.count(), 1);
  }

  void resultsAndPlotFollowTheFolder() {
    const SweepFolder f = testsupport::gridSweep((dir_.path() + "/b").toStdString());
    SweepModel model;
    QVERIFY(model.open(dir_.path() + "/b").ok());
    SweepPanel panel(&model);
    QCOMPARE(panel.resultsModel()->rowCount(), 0);
    // Dice 10 x 4 cases for t000; 11, 12, 13, 15 for t001: differences 1, 2, 3, 5 -> p < 0.05.
    testsupport::finishJob(f, f.jobs[0], {10, 10, 10, 10});
    testsupport::finishJob(f, f.jobs[1], {11, 12, 13, 15});
    for (const auto& job : {f.jobs[2], f.jobs[3]}) testsupport::finishJob(f, job, {5, 6, 7, 8});
    model.reload();
    QCOMPARE(panel.resultsModel()->rowCount(), 4);
    QCOMPARE(panel.baselineChoice()->currentText(), QString("loss.lambda_c=0, loss.lambda_s=1"));
    QCOMPARE(panel.resultsModel()->index(1, 1).data().toString(), QString("12.75 ± 1.71 †"));
    // Another baseline: the daggers move with it.
    panel.baselineChoice()->setCurrentIndex(1);
    Q_EMIT panel.baselineChoice()->activated(1);
    QCOMPARE(panel.resultsModel()->table().baseline, 1);
    QVERIFY(panel.resultsModel()->index(0, 1).data().toString().endsWith("†"));
    QVERIFY(panel.summaryLabel()->text().startsWith("4 of 4 job"));
    QVERIFY(panel.continueButton()->isHidden());  // nothing left to run
    // The plot shows Dice vs the first swept key: lambda_c 0 -> cases (10+11)/2.. mean 11.375.
    QCOMPARE(panel.plot()->seriesX(), QVector<double>({0, 1}));
    QCOMPARE(panel.plot()->seriesMean().first(), 11.375);
    panel.setPlot(1, "dice_pct", "loss.lambda_c", "loss.lambda_s");
    QVERIFY(panel.plot()->showsHeatMap());
    QCOMPARE(panel.plot()->cellValue(1, 1), 6.5);
    QTemporaryDir out;
    QVERIFY(panel.exportPlot(out.filePath("heat.svg")));
    // Clicking the Dice header sorts the points by their mean Dice.
    QTest::mouseClick(panel.resultsTable()->horizontalHeader()->viewport(), Qt::LeftButton, {},
                      QPoint(panel.resultsTable()->horizontalHeader()->sectionViewportPosition(1) + 5, 5));
    const QAbstractItemModel* shown = panel.resultsTable()->model();
    QCOMPARE(shown->index(0, 1).data(Qt::UserRole).toDouble(), 6.5);
    QCOMPARE(shown->index(3, 1).data(Qt::UserRole).toDouble(), 12.75);
    panel.setPlot(2, "dice_pct", {});  // a panel per swept key, as Fig. 6
    QCOMPARE(panel.plot()->panelCount(), 2);
    // Test and correction: the spec's until the page chooses others; the note under the table
    // names them, n, and what a missing mark means.
    QCOMPARE(panel.testChoice()->currentData().toString(), QString("t"));
    QVERIFY2(panel.comparisonNote()->text().contains("paired t-test") && panel.comparisonNote()->text().contains("n = 4") &&
                 panel.comparisonNote()->text().contains("does not mean equal"),
             qPrintable(panel.comparisonNote()->text()));
    panel.correctionChoice()->setCurrentIndex(1);
    Q_EMIT panel.correctionChoice()->activated(1);
    QCOMPARE(int(panel.resultsModel()->table().comparison.correction), int(Correction::Bonferroni));
    QVERIFY(panel.comparisonNote()->text().contains("Bonferroni correction over each metric's 3 comparison"));
    panel.testChoice()->setCurrentIndex(1);
    Q_EMIT panel.testChoice()->activated(1);
    QCOMPARE(int(panel.resultsModel()->table().comparison.test), int(PairedTestKind::Wilcoxon));
    QCOMPARE(panel.correctionChoice()->currentData().toString(), QString("bonferroni"));
    QVERIFY(panel.comparisonNote()->text().contains("Wilcoxon"));
  }
};

QTEST_MAIN(TestSweepPanel)
#include "test_SweepPanel.moc"

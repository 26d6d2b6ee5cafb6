// ResultsTableModel: cells "mean ± sd", best bold, dagger and p on hover, the baseline in
// italics, units in the headers, and exports by suffix.
#include <QFile>
#include <QFont>
#include <QTemporaryDir>
#include <QTest>

#include "sweep/ResultsTableModel.h"

using namespace tiss;
using tiss::ui::ResultsTableModel;

namespace {

// The hand-computed sample of test_results_export: Dice 10 x 5 vs 11, 12, 13, 14, 16
// (p = 0.0205).
std::vector<MethodResults> sample() {
  MethodResults base{"source only", {}}, ours{"TISS-Net", {}};
  const double dice[] = {11, 12, 13, 14, 16};
  for (int i = 0; i < 5; ++i) {
    base.cases["c" + std::to_string(i)] = {{"dice_pct", 10}, {"hd95_mm", 3}};
    ours.cases["c" + std::to_string(i)] = {{"dice_pct", dice[i]}, {"hd95_mm", 3}};
  }
  return {base, ours};
}

}  // namespace

class TestResultsTableModel : public QObject {
  Q_OBJECT
 private slots:
  void cellsShowMeanSdBestAndSignificance() {
    ResultsTableModel model;
    model.setTable(buildResultsTable(sample(), 0));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QString("Dice (%)"));
    QCOMPARE(model.headerData(2, Qt::Horizontal, Qt::DisplayRole).toString(), QString("HD95 (mm)"));
    QCOMPARE(model.index(1, 0).data().toString(), QString("TISS-Net (n = 5)"));
    QCOMPARE(model.index(1, 1).data().toString(), QString("13.20 ± 1.92 †"));
    QVERIFY(model.index(1, 1).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.index(0, 1).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(model.index(1, 1).data(Qt::ToolTipRole).toString(),
             QString("p = 0.0205, adjusted p = 0.0205 (paired t-test against source only, Holm correction, 5 case(s))\n"
                     "difference 3.20, 95 % CI [0.81, 5.59]"));
    QVERIFY(!model.index(0, 1).data(Qt::ToolTipRole).isValid());  // the baseline itself
    QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(model.index(1, 2).data().toString(), QString("3.00 ± 0.00"));  // identical values: no dagger
    QVERIFY(qAbs(model.index(1, 1).data(Qt::UserRole + 1).toDouble() - 0.0205) < 1e-4);
  }

  void changingTheBaselineMovesTheTests() {
    ResultsTableModel model;
    model.setTable(buildResultsTable(sample(), 1));
    QCOMPARE(model.index(0, 1).data().toString(), QString("10.00 ± 0.00 †"));
    QVERIFY(!model.index(1, 1).data(Qt::ToolTipRole).isValid());
    // A comparison without a mark says what that means.
    model.setTable(buildResultsTable(sample(), 0));
    QVERIFY2(model.index(1, 2).data(Qt::ToolTipRole).toString().contains("Not shown different from source only (which does not mean equal)"),
             qPrintable(model.index(1, 2).data(Qt::ToolTipRole).toString()));
  }

  void exportsBySuffix() {
    QTemporaryDir dir;
    ResultsTableModel model;
    model.setTable(buildResultsTable(sample(), 0));
    QVERIFY(model.exportTo(dir.filePath("t.tex"), "Fig").ok());
    QVERIFY(model.exportTo(dir.filePath("t.md")).ok());
    QVERIFY(model.exportTo(dir.filePath("t.csv")).ok());
    QVERIFY(!model.exportTo(dir.filePath("t.docx")).ok());
    QFile tex(dir.filePath("t.tex"));
    QVERIFY(tex.open(QIODevice::ReadOnly));
    QVERIFY(tex.readAll().contains("TISS-Net & $\\mathbf{13.20 \\pm 1.92}^{\\dagger}$"));
  }
};

QTEST_MAIN(TestResultsTableModel)
#include "test_ResultsTableModel.moc"

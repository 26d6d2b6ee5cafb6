// Results tables: mean ± sd and paired tests (corrected) against values computed by hand, best values,
// missing cells, and the CSV / Markdown / LaTeX exports (LaTeX against a checked-in file).
#include <QDir>
#include <QFile>
#include <QTest>

#include "tiss/evaluation/results_table.h"
#include "tiss/util/version.h"

using namespace tiss;

namespace {

// Five cases. Baseline Dice 10 each; "TISS-Net" 11, 12, 13, 14, 16. By hand: mean 13.2,
// sd sqrt(14.8 / 4) = 1.9235; differences 1, 2, 3, 4, 6 have mean 3.2 and sd 1.9235, so
// t = 3.2 / (1.9235 / sqrt 5) = 3.7199 with 4 df, two-sided p = 0.0205.
std::vector<MethodResults> sample() {
  MethodResults base{"source only", {}}, ours{"TISS-Net", {}}, real{"real_target & co", {}};
  const double dice[] = {11, 12, 13, 14, 16}, realAssd[] = {1.3, 1.7, 1.5, 1.4, 1.6};
  for (int i = 0; i < 5; ++i) {
    const std::string id = "c" + std::to_string(i + 1);
    base.cases[id] = {{"dice_pct", 10}, {"assd_mm", 2.0 + 0.1 * i}};
    ours.cases[id] = {{"dice_pct", dice[i]}, {"assd_mm", 1.5}, {"psnr_global_db", 25.0 + i}};
    real.cases[id] = {{"dice_pct", 10.5}, {"assd_mm", realAssd[i]}};
  }
  return {base, ours, real};
}

QString text(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

class TestResultsExport : public QObject {
  Q_OBJECT
 private slots:
  void meanSdAndTTestMatchTheHandComputation() {
    const ResultsTable t = buildResultsTable(sample(), 0);
    QCOMPARE(t.columns.size(), size_t(3));  // Dice, ASSD, PSNR (only TISS-Net has it)
    const TableCell& dice = t.cells[1][0];
    QVERIFY(qAbs(dice.summary.mean - 13.2) < 1e-12);
    QVERIFY(qAbs(dice.summary.sd - 1.9235384061671346) < 1e-12);
    QVERIFY(qAbs(dice.comparison.statistic - 3.7199) < 1e-4);
    QCOMPARE(dice.comparison.n, size_t(5));
    QVERIFY(qAbs(dice.comparison.p - 0.0205) < 1e-4);
    // Holm over the metric's two comparisons: "real" differs by a constant 0.5 (p = 0), so
    // TISS-Net's p is the larger and keeps its value (1 x 0.0205).
    QVERIFY(qAbs(dice.comparison.pAdjusted - dice.comparison.p) < 1e-15);
    QVERIFY(qAbs(dice.comparison.meanDiff - 3.2) < 1e-12);
    QVERIFY(dice.significant() && dice.best);
    QVERIFY(!t.cells[0][0].tested);  // the baseline is not tested against itself
    QCOMPARE(formatCell(dice, t.columns[0]), std::string("13.20 ± 1.92"));
    // ASSD: lower is better, and two means printing as 1.50 are both best.
    QVERIFY(t.cells[1][1].best && t.cells[2][1].best && !t.cells[0][1].best);
    QVERIFY(!t.cells[0][2].present && t.cells[1][2].present && t.cells[1][2].best);
  }

  void markdownMarksBestAndSignificance() {
    const QString md = text(tableMarkdown(buildResultsTable(sample(), 0)));
    QVERIFY2(md.contains("| TISS-Net (n=5) | **13.20 ± 1.92** † | **1.50 ± 0.00** † | **27.00 ± 1.58** |"), qPrintable(md));
    QVERIFY2(md.contains("| source only (n=5) | 10.00 ± 0.00 | 2.20 ± 0.16 | – |"), qPrintable(md));
    QVERIFY2(md.contains("TISS-Net vs source only, Dice (%): Δ = +3.20 [95 % CI +0.81, +5.59], d_z = 1.66; p = 0.0205, "
                         "adjusted p = 0.0205 (paired t-test, 5 cases); detectable at 80 % power: |Δ| ≥ "),
             qPrintable(md));
    QVERIFY2(md.contains("† adjusted p < 0.05 against source only: two-sided paired t-test, Holm's step-down correction over the 2 "
                         "comparisons of each metric; n = 5 paired cases. No mark: not shown different from source only, which is "
                         "not evidence that they are equal. With fewer than 10 paired cases"),
             qPrintable(md));
  }

  // The same rows under Wilcoxon and Bonferroni, and the paper's convention said as such.
  void testsAndCorrectionsAreChosenAndNamed() {
    auto wilcoxon = ComparisonOptions::parse("wilcoxon", "bonferroni");
    QVERIFY(wilcoxon.ok());
    const ResultsTable w = buildResultsTable(sample(), 0, {}, *wilcoxon);
    const TableCell& dice = w.cells[1][0];
    QVERIFY(dice.comparison.exact);
    QVERIFY(qAbs(dice.comparison.p - 0.0625) < 1e-12);  // all 5 differences positive: 2 / 2^5
    QVERIFY(qAbs(dice.comparison.pAdjusted - 0.125) < 1e-12);  // x 2 comparisons
    QVERIFY(!dice.significant());
    const QString md = text(tableMarkdown(w));
    QVERIFY2(md.contains("| TISS-Net (n=5) | **13.20 ± 1.92** |"), qPrintable(md));
    QVERIFY2(md.contains("Wilcoxon signed-rank test (exact or normal approximation), Bonferroni correction over the 2 comparisons"), qPrintable(md));
    const QString paper = text(tableMarkdown(buildResultsTable(sample(), 0, {}, ComparisonOptions::paper())));
    QVERIFY2(paper.contains("without correction for the 2 comparisons of each metric: the paper's convention"), qPrintable(paper));
    // The JSON of every comparison.
    const QString json = text(comparisonsJson(w));
    QVERIFY2(json.contains("\"p_adjusted\": 0.125") && json.contains("\"test\": \"wilcoxon\"") && json.contains("\"ci95\""),
             qPrintable(json));
    QVERIFY(!ComparisonOptions::parse("anova", "").ok());
  }

  void csvHasMeanSdAndP() {
    const QStringList lines = text(tableCsv(buildResultsTable(sample(), 0))).split('\n');
    QCOMPARE(lines[0], QString("method,n,dice_pct_mean,dice_pct_sd,dice_pct_p,dice_pct_p_adj,assd_mm_mean,assd_mm_sd,assd_mm_p,"
                               "assd_mm_p_adj,psnr_global_db_mean,psnr_global_db_sd,psnr_global_db_p,psnr_global_db_p_adj"));
    QCOMPARE(lines[1], QString("source only,5,10.0000,0.0000,,,2.2000,0.1581,,,,,,"));
    QVERIFY2(lines[2].startsWith("TISS-Net,5,13.2000,1.9235,0.02048,0.02048,"), qPrintable(lines[2]));
  }

  void latexEqualsTheExpectedFile() {
    const std::string latex = tableLatex(buildResultsTable(sample(), 0), "Segmentation on the test set (5 cases)");
    QFile expected(QFINDTESTDATA("data/expected_table.tex"));
    // The file names the version as @VERSION@: the program's own, whatever it is.
    const QString want = expected.open(QIODevice::ReadOnly) ? QString::fromUtf8(expected.readAll()).replace("@VERSION@", tiss::version()) : QString();
    if (text(latex) != want) {
      // Left for a diff when the format changes on purpose (then review and copy it over).
      QFile actual(QDir::temp().filePath("actual_table.tex"));
      if (actual.open(QIODevice::WriteOnly)) actual.write(latex.c_str());
      qWarning("LaTeX differs from data/expected_table.tex; actual written to %s", qPrintable(actual.fileName()));
    }
    QCOMPARE(text(latex), want);
  }

  void perCaseCsvListsEveryValue() {
    const QStringList lines = text(perCaseCsv(sample())).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 15);
    QCOMPARE(lines[0], QString("method,case,dice_pct,assd_mm,psnr_global_db"));
    QCOMPARE(lines[6], QString("TISS-Net,c1,11.0000,1.5000,25.0000"));
    QCOMPARE(lines[11], QString("real_target & co,c1,10.5000,1.3000,"));
  }

  void metricsCsvReadsBack() {
    const auto methods = sample();
    const std::string csv = metricsCsv(methods[1].cases);
    QVERIFY(text(csv).startsWith("case,dice_pct,assd_mm,psnr_global_db,error\nc1,11.0000,1.5000,25.0000,\n"));
    QVERIFY(text(csv).contains("\nmean,13.2000,1.5000,27.0000,\n"));
  }

  // Several seeds: the spread between the seeds' means is listed apart from the cells' spread
  // between cases.
  void seedSpreadIsShownApart() {
    auto methods = sample();
    methods[1].seedMeans["dice_pct"] = {12.0, 14.4};  // sd = 1.697
    const QString md = text(tableMarkdown(buildResultsTable(methods, 0)));
    QVERIFY2(md.contains("- TISS-Net: sd between its 2 seeds' means: Dice (%) 1.70"), qPrintable(md));
    QVERIFY2(md.contains("the unit of the tests is the case"), qPrintable(md));
    QVERIFY(!text(tableMarkdown(buildResultsTable(sample(), 0))).contains("seeds' means"));
  }
};

QTEST_APPLESS_MAIN(TestResultsExport)
#include "test_results_export.moc"

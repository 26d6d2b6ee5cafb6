#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include "test_support.h"
#include "tiss/evaluation/results_table.h"

using namespace tiss;

class TestResultsTable : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  std::string csv(const char* name, const char* body) {
    const std::string path = testsupport::path(dir_.path(), name);
    std::ofstream(path) << "case,dice_pct,assd_mm,hd95_mm,error\n" << body << "mean,0,0,0,\nsd,0,0,0,\n";
    return path;
  }

 private slots:
  void readsPerCaseRowsAndSkipsErrors() {
    auto m = readEvalCsv(csv("a.csv", "c1,80.0000,1.0000,3.0000,\nc2,,,,\"c2.nii.gz: file not found\"\n"));
    QVERIFY(m.ok());
    QCOMPARE(m->size(), size_t(1));
    QCOMPARE(m->at("c1").at("hd95_mm"), 3.0);
    QVERIFY(!readEvalCsv(testsupport::path(dir_.path(), "missing.csv")).ok());
  }
  void badCellsAreNamedNotFatal() {
    auto m = readEvalCsv(csv("bad.csv", "c1,80.0,1.0,3.0,\nc2,eighty,1.0,3.0,\n"));
    QVERIFY(!m.ok());
    QVERIFY2(m.error().describe().find("line 3: 'eighty' in column dice_pct") != std::string::npos,
             m.error().describe().c_str());
    QVERIFY(!readEvalCsv(csv("inf.csv", "c1,inf,1.0,3.0,\n")).ok());
  }
  void columnsMissingForSomeCasesAreLeftOut() {
    const std::string path = testsupport::path(dir_.path(), "mixed.csv");
    std::ofstream(path) << "case,dice_pct,assd_mm,hd95_mm,psnr_global_db,error\nc1,80,1,2,30,\nc2,82,1,2,,\n";
    auto m = readEvalCsv(path);
    QVERIFY(m.ok());
    const QString table = QString::fromStdString(comparisonTable({{"a", *m}, {"b", *m}}));
    QVERIFY(!table.contains("PSNR"));
    QVERIFY(table.contains("Dice (%)"));
  }
  void tableShowsMeanSdAndMarksSignificance() {
    // Baseline Dice 10, 10, 10, 10, 10; method 11, 12, 13, 14, 16: differences 1, 2, 3, 4, 6,
    // t = 3.7199 with 4 df, p = 0.0205 (see test_statistics): marked.
    auto base = readEvalCsv(csv("b.csv", "c1,10,1,2,\nc2,10,1,2,\nc3,10,1,2,\nc4,10,1,2,\nc5,10,1,2,\n"));
    auto ours = readEvalCsv(csv("o.csv", "c1,11,1,2,\nc2,12,1,2,\nc3,13,1,2,\nc4,14,1,2,\nc5,16,1,2,\n"));
    QVERIFY(base.ok() && ours.ok());
    const QString table = QString::fromStdString(comparisonTable({{"source only", *base}, {"TISS-Net", *ours}}));
    QVERIFY2(table.contains("| source only (n=5) | 10.00 ± 0.00 | **1.00 ± 0.00** | **2.00 ± 0.00** |"), qPrintable(table));
    // mean 13.2, sd sqrt(14.8 / 4) = 1.92; best values bold (ties: both)
    QVERIFY2(table.contains("| TISS-Net (n=5) | **13.20 ± 1.92** † | **1.00 ± 0.00** |"), qPrintable(table));
    QVERIFY2(table.contains("Dice (%): Δ = +3.20 [95 % CI +0.81, +5.59], d_z = 1.66; p = 0.0205"), qPrintable(table));
    QVERIFY2(table.contains("ASSD (mm): Δ = +0.00 [95 % CI +0.00, +0.00]; p = 1.0000"), qPrintable(table));
  }
  // `tissnet table A=s1.csv A=s2.csv`: one method, each case averaged over its seeds first, the
  // spread between the seeds' means kept apart.
  void aNameGivenTwiceIsTwoSeedsOfOneMethod() {
    auto s1 = readEvalCsv(csv("s1.csv", "c1,10,1,2,\nc2,20,1,2,\n"));
    auto s2 = readEvalCsv(csv("s2.csv", "c1,30,1,2,\nc2,40,1,2,\n"));
    auto other = readEvalCsv(csv("x.csv", "c1,5,1,2,\nc2,6,1,2,\n"));
    QVERIFY(s1.ok() && s2.ok() && other.ok());
    const auto pooled = poolSeeds({{"base", *other}, {"A", *s1}, {"A", *s2}});
    QCOMPARE(pooled.size(), size_t(2));
    QCOMPARE(pooled[1].name, std::string("A"));
    QCOMPARE(pooled[1].cases.at("c1").at("dice_pct"), 20.0);
    QCOMPARE(pooled[1].cases.at("c2").at("dice_pct"), 30.0);
    QCOMPARE(pooled[1].seedMeans.at("dice_pct"), (std::vector<double>{15, 35}));
    QVERIFY(pooled[0].seedMeans.empty());  // one seed: no spread between seeds
    const QString table = QString::fromStdString(tableMarkdown(buildResultsTable(pooled, 0)));
    QVERIFY2(table.contains("| A (n=2) | **25.00 ± 7.07**"), qPrintable(table));
    // sd of the seed means 15 and 35: 14.14
    QVERIFY2(table.contains("A: sd between its 2 seeds' means: Dice (%) 14.14"), qPrintable(table));
  }
};

QTEST_APPLESS_MAIN(TestResultsTable)
#include "test_results_table.moc"

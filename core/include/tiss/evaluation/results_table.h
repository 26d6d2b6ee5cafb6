#pragma once
/// Comparison tables of methods (or sweep points) x metrics, as the paper's tables: mean ± sd
/// over cases, the best value of each column bold, and a paired two-sided test of each row
/// against a baseline row over the cases both have (paired_comparison.h: t or Wilcoxon, Holm /
/// Bonferroni / no correction over each metric's comparisons, 95 % CI, effect size), marked †
/// when the adjusted p < alpha; no mark means "not shown different", never "equal". Exported as
/// CSV, Markdown, LaTeX (booktabs) and a JSON of every comparison. Inputs are per-case metric
/// CSVs (`tissnet eval`, or a sweep trial's metrics.csv).
#include <map>
#include <string>
#include <vector>

#include "tiss/util/result.h"
#include "tiss/metrics/paired_comparison.h"
#include "tiss/metrics/statistics.h"

namespace tiss {

/// A metric column of the results: key in the metrics CSV, title with unit, whether larger is
/// better, decimals shown.
struct MetricColumn {
  std::string key, title;
  bool higherIsBetter = true;
  int decimals = 2;
};
/// Dice (%), ASSD (mm), HD95 (mm), PSNR global/local (dB), SSIM global/local, perceptibility
/// Dice (%) / ASSD (mm) / HD95 (mm), in this order.
const std::vector<MetricColumn>& metricColumns();
const MetricColumn* findMetric(const std::string& key);


/// Per-case metric values of one CSV: case id -> column -> value (rows with an error, and
/// the mean / sd rows, are skipped).
using CaseMetrics = std::map<std::string, std::map<std::string, double>>;

Result<CaseMetrics> readEvalCsv(const std::string& file);

/// A per-case CSV in metricColumns() order (the columns any case has), then mean and sd rows;
/// 4 decimals. readEvalCsv reads it back.
std::string metricsCsv(const CaseMetrics& metrics);

struct MethodResults {
  MethodResults(std::string n = {}, CaseMetrics c = {}, bool crop = false, std::string conv = {})
      : name(std::move(n)), cases(std::move(c)), cropFromLabel(crop), surface(std::move(conv)) {}
  std::string name;
  CaseMetrics cases;
  bool cropFromLabel = false;  ///< made with the GT-centred test-time crop: marked ‡ in every export
  std::string surface;         ///< ASSD / HD95 convention when known (pymic, medpy, monai)
  /// Sweeps with several seeds: metric -> each seed's mean over its cases (a seed's folds
  /// pooled), the spread between seeds, shown apart from the spread between cases.
  std::map<std::string, std::vector<double>> seedMeans;
};

/// Runs with the same name are one method's seeds: each case's value is the mean over the seeds
/// that have it, and each seed's mean over its cases goes into seedMeans (the spread between
/// seeds, shown apart from the spread between cases). Order: first appearance of each name.
std::vector<MethodResults> poolSeeds(const std::vector<MethodResults>& runs);
/// How a table compares its rows with the baseline. The family of a correction is one
/// metric's comparisons against the baseline (one per other row).
struct ComparisonOptions {
  PairedTestKind test = PairedTestKind::T;
  Correction correction = Correction::Holm;
  double alpha = 0.05;
  /// The paper's convention (paired t-test, no correction), kept to reproduce its tables; the
  /// footnote says so.
  bool paperConvention = false;
  /// Parses "t"/"wilcoxon" and "holm"/"bonferroni"/"none"; empty keeps the default.
  static Result<ComparisonOptions> parse(const std::string& test, const std::string& correction, double alpha = 0.05);
  /// t-test, no correction, alpha 0.05, paperConvention.
  static ComparisonOptions paper();
};

struct TableCell {
  bool present = false;   ///< every case of the row has this metric
  Summary summary;        ///< mean ± sd over the row's cases
  Summary seeds;          ///< mean ± sd of the per-seed means (n = seeds; 0 without seeds)
  bool tested = false;    ///< compared with the baseline (not the baseline itself)
  PairedComparison comparison;  ///< paired over the cases both rows have; pAdjusted within the metric's family
  size_t pairs = 0;
  double alpha = 0.05;
  bool significant() const { return tested && comparison.pAdjusted < alpha; }
  bool best = false;      ///< best mean of the column (ties: all of them)
};

struct ResultsTable {
  std::vector<MetricColumn> columns;
  std::vector<std::string> rows;
  std::vector<size_t> caseCounts;
  std::vector<std::vector<TableCell>> cells;  ///< [row][column]
  int baseline = 0;                           ///< row index; -1: no t-tests
  std::vector<bool> cropFromLabel;            ///< [row]: marked ‡ (GT-centred test-time crop)
  std::string surface;                        ///< the rows' ASSD / HD95 convention; "mixed" when they differ
  ComparisonOptions comparison;               ///< test, correction, alpha of the marks
  /// The row's name with its ‡ mark.
  std::string rowLabel(size_t row) const { return rows[row] + (cropFromLabel[row] ? " ‡" : ""); }
  bool anyCropFromLabel() const;
};

/// The table of `methods` over `metrics` (keys of metricColumns(); empty: every column some
/// row has). `baseline` is the row the others are tested against (-1: none).
ResultsTable buildResultsTable(const std::vector<MethodResults>& methods, int baseline,
                               const std::vector<std::string>& metrics = {}, const ComparisonOptions& comparison = {});

/// What the marks mean, for a footnote: the test, the correction and its family, n, and that
/// no mark means "not shown different"; with fewer than 10 pairs, the smallest difference the
/// comparisons could detect at 80 % power. Empty without a baseline or a second row.
std::string comparisonNote(const ResultsTable& table);

/// Every comparison as JSON: {"comparisons": [{"method", "baseline", "metric", "n", "mean_diff",
/// "ci95": [lo, hi], "effect_dz", "test", "exact", "statistic", "p", "p_adjusted", "correction",
/// "alpha", "significant", "min_detectable_80"}], "convention": ...}.
std::string comparisonsJson(const ResultsTable& table);

/// "13.20 ± 1.92" with the column's decimals.
std::string formatCell(const TableCell& cell, const MetricColumn& column);

/// CSV: method, n, then per metric mean, sd, p, p_adj (empty for the baseline and missing cells).
std::string tableCsv(const ResultsTable& table);
/// Markdown: best bold, † after significant cells, p-values listed under the table.
std::string tableMarkdown(const ResultsTable& table);
/// LaTeX booktabs tabular: $\pm$, \textbf{} for the best, $^\dagger$, a caption line note.
std::string tableLatex(const ResultsTable& table, const std::string& caption = "");

/// Long per-case CSV for one's own statistics: method, case, then every metric column.
std::string perCaseCsv(const std::vector<MethodResults>& methods);

/// The Markdown table of `tissnet table`: the first method is the baseline.
std::string comparisonTable(const std::vector<MethodResults>& methods, const ComparisonOptions& comparison = {});

}  // namespace tiss

#pragma once
/// Comparison tables from `tissnet eval` CSV files: one row per method, mean ± sd per metric
/// over cases, and a paired two-sided t-test of each method against the first (the baseline)
/// over the cases both have, marked † when p < 0.05 as in the paper's tables.
#include <map>
#include <string>
#include <vector>

#include "tiss/result.h"

namespace tiss {

/// Per-case metric values of one eval CSV: case id -> column -> value (rows with an error,
/// and the mean / sd rows, are skipped).
using CaseMetrics = std::map<std::string, std::map<std::string, double>>;

Result<CaseMetrics> readEvalCsv(const std::string& file);

struct MethodResults {
  std::string name;
  CaseMetrics cases;
};

/// A Markdown table of the columns every method has, in eval's order, with p-values listed
/// under it.
std::string comparisonTable(const std::vector<MethodResults>& methods);

}  // namespace tiss

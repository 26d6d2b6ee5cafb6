#include "tiss/evaluation/results_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tiss/metrics/statistics.h"

namespace tiss {

const std::vector<MetricColumn>& metricColumns() {
  static const std::vector<MetricColumn> columns = {
      {"dice_pct", "Dice (%)", true, 2},           {"assd_mm", "ASSD (mm)", false, 2},
      {"hd95_mm", "HD95 (mm)", false, 2},          {"psnr_global_db", "PSNR (dB)", true, 2},
      {"psnr_local_db", "local PSNR (dB)", true, 2}, {"ssim_global", "SSIM", true, 4},
      {"ssim_local", "local SSIM", true, 4},       {"perc_dice_pct", "perceptibility Dice (%)", true, 2},
      {"perc_assd_mm", "perceptibility ASSD (mm)", false, 2}, {"perc_hd95_mm", "perceptibility HD95 (mm)", false, 2}};
  return columns;
}

const MetricColumn* findMetric(const std::string& key) {
  for (const auto& c : metricColumns())
    if (c.key == key) return &c;
  return nullptr;
}

namespace {

std::vector<std::string> splitCsv(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') quoted = !quoted;
    else if (ch == ',' && !quoted) {
      out.push_back(cell);
      cell.clear();
    } else cell += ch;
  }
  out.push_back(cell);
  return out;
}

std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

Result<CaseMetrics> readEvalCsv(const std::string& file) {
  std::ifstream in(file);
  if (!in) return makeError(file, "cannot open the CSV file");
  std::string line;
  if (!std::getline(in, line) || line.rfind("case,", 0) != 0) return makeError(file, "not a tissnet eval CSV (no 'case,' header)");
  const auto header = splitCsv(line);
  CaseMetrics m;
  for (int lineNo = 2; std::getline(in, line); ++lineNo) {
    const auto cells = splitCsv(line);
    if (cells.empty() || cells[0] == "mean" || cells[0] == "sd" || (cells.size() > 1 && cells[1].empty())) continue;
    for (size_t i = 1; i < cells.size() && i < header.size(); ++i) {
      if (header[i] == "error" || cells[i].empty()) continue;
      char* end = nullptr;
      const double v = std::strtod(cells[i].c_str(), &end);
      if (end == cells[i].c_str() || *end != '\0' || !std::isfinite(v))
        return makeError(file, "line " + std::to_string(lineNo) + ": '" + cells[i] + "' in column " + header[i] +
                                   " is not a number");
      m[cells[0]][header[i]] = v;
    }
  }
  if (m.empty()) return makeError(file, "holds no evaluated case");
  return m;
}

bool ResultsTable::anyCropFromLabel() const {
  return std::find(cropFromLabel.begin(), cropFromLabel.end(), true) != cropFromLabel.end();
}

std::string metricsCsv(const CaseMetrics& metrics) {
  std::vector<std::string> keys;
  for (const auto& c : metricColumns()) {
    bool any = false;
    for (const auto& [id, row] : metrics) any = any || row.count(c.key);
    if (any) keys.push_back(c.key);
  }
  std::ostringstream out;
  out << "case";
  for (const auto& k : keys) out << ',' << k;
  out << ",error\n";
  std::vector<std::vector<double>> values(keys.size());
  for (const auto& [id, row] : metrics) {
    out << id;
    for (size_t k = 0; k < keys.size(); ++k) {
      out << ',';
      if (!row.count(keys[k])) continue;
      out << fixed(row.at(keys[k]), 4);
      values[k].push_back(row.at(keys[k]));
    }
    out << ",\n";
  }
  for (const char* stat : {"mean", "sd"}) {
    out << stat;
    for (const auto& v : values) out << ',' << fixed(stat[0] == 'm' ? summarize(v).mean : summarize(v).sd, 4);
    out << ",\n";
  }
  return out.str();
}

namespace {

// A row's values of one metric, or none when some case lacks it.
bool rowValues(const CaseMetrics& cases, const std::string& key, std::vector<double>& values) {
  for (const auto& [id, row] : cases) {
    const auto it = row.find(key);
    if (it == row.end()) return false;
    values.push_back(it->second);
  }
  return !values.empty();
}

// The row's and the baseline's values over the cases both have, in case order.
void pairedValues(const std::vector<MethodResults>& methods, size_t m, size_t baseline, const std::string& key,
                  std::vector<double>& mine, std::vector<double>& base) {
  for (const auto& [id, row] : methods[m].cases) {
    const auto other = methods[baseline].cases.find(id);
    if (other == methods[baseline].cases.end()) continue;
    mine.push_back(row.at(key));
    base.push_back(other->second.at(key));
  }
}

TableCell makeCell(const std::vector<MethodResults>& methods, size_t m, int baseline, const std::string& key) {
  TableCell cell;
  std::vector<double> values;
  cell.present = rowValues(methods[m].cases, key, values);
  if (!cell.present) return cell;
  cell.summary = summarize(values);
  if (const auto seeds = methods[m].seedMeans.find(key); seeds != methods[m].seedMeans.end() && seeds->second.size() > 1)
    cell.seeds = summarize(seeds->second);
  if (baseline < 0 || size_t(baseline) == m) return cell;
  std::vector<double> unused, mine, base;
  if (!rowValues(methods[size_t(baseline)].cases, key, unused)) return cell;
  pairedValues(methods, m, size_t(baseline), key, mine, base);
  cell.tested = true;
  cell.pairs = mine.size();
  return cell;
}

// Tests each tested cell of one metric's column against the baseline and adjusts the family.
void compareColumn(std::vector<TableCell>& column, const std::vector<MethodResults>& methods, int baseline, const std::string& key,
                   const ComparisonOptions& o) {
  std::vector<double> p;
  for (size_t m = 0; m < column.size(); ++m) {
    TableCell& cell = column[m];
    cell.alpha = o.alpha;
    if (!cell.tested) continue;
    std::vector<double> mine, base;
    pairedValues(methods, m, size_t(baseline), key, mine, base);
    cell.comparison = comparePaired(mine, base, o.test);
    p.push_back(cell.comparison.p);
  }
  const auto adjusted = adjustPValues(p, o.correction);
  size_t i = 0;
  for (auto& cell : column)
    if (cell.tested) cell.comparison.pAdjusted = adjusted[i++];
}

}  // namespace

std::vector<MethodResults> poolSeeds(const std::vector<MethodResults>& runs) {
  std::vector<MethodResults> methods;
  std::map<std::string, std::map<std::string, std::map<std::string, std::vector<double>>>> values;  // name, case, metric
  std::map<std::string, int> seeds;
  for (const MethodResults& r : runs) {
    auto m = std::find_if(methods.begin(), methods.end(), [&](const MethodResults& x) { return x.name == r.name; });
    if (m == methods.end()) {
      methods.push_back({r.name, {}, false, r.surface});
      m = methods.end() - 1;
    }
    m->cropFromLabel = m->cropFromLabel || r.cropFromLabel;
    if (m->surface != r.surface) m->surface = m->surface.empty() ? r.surface : "mixed";
    ++seeds[r.name];
    std::map<std::string, std::vector<double>> own;
    for (const auto& [id, row] : r.cases)
      for (const auto& [key, v] : row) {
        values[r.name][id][key].push_back(v);
        own[key].push_back(v);
      }
    for (const auto& [key, list] : own) m->seedMeans[key].push_back(summarize(list).mean);
  }
  for (MethodResults& m : methods) {
    for (const auto& [id, row] : values[m.name])
      for (const auto& [key, list] : row) m.cases[id][key] = summarize(list).mean;
    if (seeds[m.name] < 2) m.seedMeans.clear();
  }
  return methods;
}

ResultsTable buildResultsTable(const std::vector<MethodResults>& methods, int baseline,
                               const std::vector<std::string>& metrics, const ComparisonOptions& comparison) {
  ResultsTable t;
  t.comparison = comparison;
  t.baseline = baseline >= int(methods.size()) ? -1 : baseline;
  for (const auto& m : methods) {
    t.rows.push_back(m.name);
    t.caseCounts.push_back(m.cases.size());
    t.cropFromLabel.push_back(m.cropFromLabel);
    if (!m.surface.empty()) t.surface = t.surface.empty() || t.surface == m.surface ? m.surface : "mixed";
  }
  t.cells.resize(methods.size());
  for (const MetricColumn& c : metricColumns()) {
    if (!metrics.empty() && std::find(metrics.begin(), metrics.end(), c.key) == metrics.end()) continue;
    std::vector<TableCell> column;
    for (size_t m = 0; m < methods.size(); ++m) column.push_back(makeCell(methods, m, t.baseline, c.key));
    if (t.baseline >= 0) compareColumn(column, methods, t.baseline, c.key, comparison);
    double best = c.higherIsBetter ? -HUGE_VAL : HUGE_VAL;
    bool any = false;
    for (const auto& cell : column)
      if (cell.present) {
        any = true;
        best = c.higherIsBetter ? std::max(best, cell.summary.mean) : std::min(best, cell.summary.mean);
      }
    if (!any) continue;
    // Compared as printed: two means that show the same digits are both best.
    for (auto& cell : column) cell.best = cell.present && fixed(cell.summary.mean, c.decimals) == fixed(best, c.decimals);
    t.columns.push_back(c);
    for (size_t m = 0; m < methods.size(); ++m) t.cells[m].push_back(column[m]);
  }
  return t;
}

Result<ComparisonOptions> ComparisonOptions::parse(const std::string& test, const std::string& correction, double alpha) {
  ComparisonOptions o;
  if (!test.empty()) {
    auto t = parsePairedTest(test);
    if (!t) return t.error();
    o.test = *t;
  }
  if (!correction.empty()) {
    auto c = parseCorrection(correction);
    if (!c) return c.error();
    o.correction = *c;
  }
  if (!(alpha > 0 && alpha < 1)) return makeError("--alpha", "must be between 0 and 1");
  o.alpha = alpha;
  return o;
}

ComparisonOptions ComparisonOptions::paper() {
  ComparisonOptions o;
  o.test = PairedTestKind::T;
  o.correction = Correction::None;
  o.paperConvention = true;
  return o;
}

std::string formatCell(const TableCell& cell, const MetricColumn& column) {
  if (!cell.present) return "";
  return fixed(cell.summary.mean, column.decimals) + " ± " + fixed(cell.summary.sd, column.decimals);
}

}  // namespace tiss

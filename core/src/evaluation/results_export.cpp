// Text exports of a ResultsTable: CSV for spreadsheets, Markdown for notes and READMEs,
// LaTeX (booktabs) for papers.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tiss/evaluation/results_table.h"
#include "tiss/evaluation/eval.h"
#include "tiss/util/version.h"

namespace tiss {
namespace {

std::string number(const char* format, double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string latexText(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': case '%': case '$': case '#': case '_': case '{': case '}': out += '\\'; out += c; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\\': out += "\\textbackslash{}"; break;
      default: out += c;
    }
  }
  return out;
}

std::string fixedText(double v, int decimals) { return number(("%." + std::to_string(decimals) + "f").c_str(), v); }

std::string baselineName(const ResultsTable& t) { return t.baseline >= 0 ? t.rows[size_t(t.baseline)] : ""; }

std::string signedText(double v, int decimals) { return (v >= 0 ? "+" : "") + fixedText(v, decimals); }

std::string correctionText(const ComparisonOptions& o, size_t family) {
  const std::string over = " over the " + std::to_string(family) + " comparison" + (family == 1 ? "" : "s") + " of each metric";
  switch (o.correction) {
    case Correction::Holm: return "Holm's step-down correction" + over;
    case Correction::Bonferroni: return "Bonferroni correction" + over;
    case Correction::None: break;
  }
  return "no correction for the " + std::to_string(family) + " comparison" + (family == 1 ? "" : "s") + " of each metric";
}

// One comparison for the notes: difference, interval, effect, raw and adjusted p, n, power.
std::string comparisonLine(const TableCell& cell, const ResultsTable& t) {
  const PairedComparison& c = cell.comparison;
  std::string s = "Δ = " + signedText(c.meanDiff, 2);
  if (std::isfinite(c.ciLow)) s += " [95 % CI " + signedText(c.ciLow, 2) + ", " + signedText(c.ciHigh, 2) + "]";
  if (std::isfinite(c.effect)) s += ", d_z = " + fixedText(c.effect, 2);
  s += "; p = " + fixedText(c.p, 4);
  if (t.comparison.correction != Correction::None) s += ", adjusted p = " + fixedText(c.pAdjusted, 4);
  s += " (" + testTitle(c.test) + (c.test == PairedTestKind::Wilcoxon ? (c.exact ? ", exact" : ", normal approximation") : "") +
       ", " + std::to_string(c.n) + " cases)";
  if (std::isfinite(c.minDetectable)) s += "; detectable at 80 % power: |Δ| ≥ " + fixedText(c.minDetectable, 2);
  return s;
}

// Rows trained with several seeds: the spread between the seeds' means, apart from the
// spread between cases the cells show.
std::string seedNotes(const ResultsTable& t) {
  std::ostringstream out;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    std::string line;
    size_t seeds = 0;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const TableCell& cell = t.cells[r][c];
      if (cell.seeds.n < 2) continue;
      seeds = cell.seeds.n;
      line += (line.empty() ? "" : ", ") + t.columns[c].title + " " + fixedText(cell.seeds.sd, t.columns[c].decimals);
    }
    if (!line.empty()) out << "- " << t.rows[r] << ": sd between its " << seeds << " seeds' means: " << line << "\n";
  }
  const std::string lines = out.str();
  if (lines.empty()) return {};
  return "\nSeeds: each cell's ± is the spread between cases, each case averaged over the seeds first (the unit of "
         "the tests is the case); the spread between seeds:\n" + lines;
}

}  // namespace

std::string comparisonNote(const ResultsTable& t) {
  if (t.baseline < 0 || t.rows.size() < 2) return {};
  const ComparisonOptions& o = t.comparison;
  size_t minN = SIZE_MAX, maxN = 0, family = 0;
  bool exact = false, approx = false;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    bool tested = false;
    for (const TableCell& cell : t.cells[r]) {
      if (!cell.tested) continue;
      tested = true;
      minN = std::min(minN, cell.comparison.n);
      maxN = std::max(maxN, cell.comparison.n);
      (cell.comparison.exact ? exact : approx) = true;
    }
    family += tested;
  }
  if (family == 0) return "no comparison could be made (no cases in common with " + baselineName(t) + ").";
  const std::string alpha = number("%g", o.alpha);
  const std::string n = minN == maxN ? std::to_string(minN) : std::to_string(minN) + "-" + std::to_string(maxN);
  std::string s;
  if (o.paperConvention) {
    s = "p < " + alpha + " against " + baselineName(t) + ", two-sided paired t-test without correction for the " +
        std::to_string(family) + " comparisons of each metric: the paper's convention, kept to reproduce its table";
  } else {
    std::string test = testTitle(o.test);
    if (o.test == PairedTestKind::Wilcoxon) test += exact && approx ? " (exact or normal approximation)" : exact ? " (exact)" : " (normal approximation)";
    s = "adjusted p < " + alpha + " against " + baselineName(t) + ": two-sided " + test + ", " + correctionText(o, family);
  }
  s += "; n = " + n + " paired cases. No mark: not shown different from " + baselineName(t) + ", which is not evidence that they are equal.";
  if (minN < 10)
    s += " With fewer than 10 paired cases no test can show a difference unless it is large against its spread: the "
         "difference each comparison could detect at 80 % power (paired t-test, observed sd) is given with its p-value "
         "(notes, tooltips, --stats).";
  return s;
}

std::string comparisonsJson(const ResultsTable& t) {
  nlohmann::json list = nlohmann::json::array();
  for (size_t r = 0; r < t.rows.size(); ++r)
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const TableCell& cell = t.cells[r][c];
      if (!cell.tested) continue;
      const PairedComparison& x = cell.comparison;
      auto finite = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
      list.push_back({{"method", t.rows[r]}, {"baseline", baselineName(t)}, {"metric", t.columns[c].key}, {"n", x.n},
                      {"mean_diff", x.meanDiff}, {"ci95", {finite(x.ciLow), finite(x.ciHigh)}}, {"effect_dz", finite(x.effect)},
                      {"test", toString(x.test)}, {"exact", x.exact}, {"statistic", finite(x.statistic)}, {"p", x.p},
                      {"p_adjusted", x.pAdjusted}, {"correction", toString(t.comparison.correction)}, {"alpha", t.comparison.alpha},
                      {"significant", cell.significant()}, {"min_detectable_80", finite(x.minDetectable)}});
    }
  return nlohmann::json{{"comparisons", list}, {"convention", t.comparison.paperConvention ? "paper" : "corrected"},
                        {"note", comparisonNote(t)}}
             .dump(2) + "\n";
}

std::string tableCsv(const ResultsTable& t) {
  std::ostringstream out;
  out << "method,n";
  for (const auto& c : t.columns) out << ',' << c.key << "_mean," << c.key << "_sd," << c.key << "_p," << c.key << "_p_adj";
  out << '\n';
  for (size_t r = 0; r < t.rows.size(); ++r) {
    out << csvField(t.rowLabel(r)) << ',' << t.caseCounts[r];
    for (const TableCell& cell : t.cells[r]) {
      if (!cell.present) {
        out << ",,,,";
        continue;
      }
      out << ',' << fixedText(cell.summary.mean, 4) << ',' << fixedText(cell.summary.sd, 4) << ','
          << (cell.tested ? number("%.4g", cell.comparison.p) : "") << ','
          << (cell.tested ? number("%.4g", cell.comparison.pAdjusted) : "");
    }
    out << '\n';
  }
  return out.str();
}

std::string tableMarkdown(const ResultsTable& t) {
  std::ostringstream table, notes;
  table << "| Method |";
  for (const auto& c : t.columns) table << ' ' << c.title << " |";
  table << "\n|---|";
  for (size_t i = 0; i < t.columns.size(); ++i) table << "---|";
  table << '\n';
  for (size_t r = 0; r < t.rows.size(); ++r) {
    table << "| " << t.rowLabel(r) << " (n=" << t.caseCounts[r] << ") |";
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const TableCell& cell = t.cells[r][c];
      const std::string text = cell.present ? formatCell(cell, t.columns[c]) : "–";
      table << ' ' << (cell.best ? "**" + text + "**" : text) << (cell.significant() ? " †" : "") << " |";
      if (cell.tested) notes << "- " << t.rows[r] << " vs " << baselineName(t) << ", " << t.columns[c].title << ": " << comparisonLine(cell, t) << "\n";
    }
    table << '\n';
  }
  if (t.baseline >= 0 && t.rows.size() > 1) table << "\nMean ± sd over cases; best values in bold. † " << comparisonNote(t) << "\n\n" << notes.str();
  table << seedNotes(t);
  if (t.anyCropFromLabel()) table << "\n‡ " << kCropFromLabelNote << ".\n";
  if (!t.surface.empty()) table << "\nASSD and HD95: " << t.surface << " convention (docs/metrics.md).\n";
  return table.str();
}

std::string tableLatex(const ResultsTable& t, const std::string& caption) {
  std::ostringstream out;
  out << "% Generated by tissnet (TISS Workbench " << version() << "); needs \\usepackage{booktabs}.\n"
      << "\\begin{table}[t]\n\\centering\n";
  if (!caption.empty()) out << "\\caption{" << latexText(caption) << "}\n";
  out << "\\begin{tabular}{l" << std::string(t.columns.size(), 'c') << "}\n\\toprule\nMethod";
  for (const auto& c : t.columns) out << " & " << latexText(c.title);
  out << " \\\\\n\\midrule\n";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    out << latexText(t.rows[r]) << (t.cropFromLabel[r] ? "$^{\\ddagger}$" : "");
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const TableCell& cell = t.cells[r][c];
      if (!cell.present) {
        out << " & --";
        continue;
      }
      const int d = t.columns[c].decimals;
      std::string v = fixedText(cell.summary.mean, d) + " \\pm " + fixedText(cell.summary.sd, d);
      if (cell.best) v = "\\mathbf{" + v + "}";
      out << " & $" << v << (cell.significant() ? "^{\\dagger}" : "") << '$';
    }
    out << " \\\\\n";
  }
  out << "\\bottomrule\n\\end{tabular}\n";
  if (t.baseline >= 0 && t.rows.size() > 1)
    out << "\\par\\smallskip{\\footnotesize Mean $\\pm$ standard deviation over cases; best in bold; $^{\\dagger}$ "
        << latexText(comparisonNote(t)) << "}\n";
  if (t.anyCropFromLabel()) out << "\\par{\\footnotesize $^{\\ddagger}$ " << latexText(kCropFromLabelNote) << ".}\n";
  out << "\\end{table}\n";
  return out.str();
}

std::string perCaseCsv(const std::vector<MethodResults>& methods) {
  std::vector<MetricColumn> columns;
  for (const auto& c : metricColumns()) {
    bool any = false;
    for (const auto& m : methods)
      for (const auto& [id, row] : m.cases) any = any || row.count(c.key);
    if (any) columns.push_back(c);
  }
  std::ostringstream out;
  out << "method,case";
  for (const auto& c : columns) out << ',' << c.key;
  out << '\n';
  for (const auto& m : methods)
    for (const auto& [id, row] : m.cases) {
      out << csvField(m.name) << ',' << csvField(id);
      for (const auto& c : columns) out << ',' << (row.count(c.key) ? fixedText(row.at(c.key), 4) : "");
      out << '\n';
    }
  return out.str();
}

std::string comparisonTable(const std::vector<MethodResults>& methods, const ComparisonOptions& comparison) {
  return tableMarkdown(buildResultsTable(methods, methods.empty() ? -1 : 0, {}, comparison));
}

}  // namespace tiss

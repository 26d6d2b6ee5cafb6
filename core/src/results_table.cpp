#include "tiss/results_table.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tiss/statistics.h"

namespace tiss {
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

struct Column {
  const char* key;
  const char* title;
  int decimals;
};
const Column kColumns[] = {{"dice_pct", "Dice (%)", 2},         {"assd_mm", "ASSD (mm)", 2},
                           {"hd95_mm", "HD95 (mm)", 2},         {"psnr_global_db", "PSNR (dB)", 2},
                           {"psnr_local_db", "local PSNR (dB)", 2}, {"ssim_global", "SSIM", 4},
                           {"ssim_local", "local SSIM", 4}};

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

std::string comparisonTable(const std::vector<MethodResults>& methods) {
  std::vector<Column> cols;
  for (const Column& c : kColumns) {
    // A column is shown only when every case of every method has it.
    bool everywhere = !methods.empty();
    for (const auto& method : methods)
      for (const auto& [id, row] : method.cases) everywhere = everywhere && row.count(c.key);
    if (everywhere) cols.push_back(c);
  }
  std::ostringstream table, notes;
  table << "| Method |";
  for (const auto& c : cols) table << ' ' << c.title << " |";
  table << "\n|---|";
  for (size_t i = 0; i < cols.size(); ++i) table << "---|";
  table << '\n';
  for (size_t m = 0; m < methods.size(); ++m) {
    table << "| " << methods[m].name << " (n=" << methods[m].cases.size() << ") |";
    for (const auto& c : cols) {
      std::vector<double> values, mine, base;
      for (const auto& [id, row] : methods[m].cases) {
        values.push_back(row.at(c.key));
        const auto other = methods[0].cases.find(id);
        if (m > 0 && other != methods[0].cases.end()) {
          mine.push_back(row.at(c.key));
          base.push_back(other->second.at(c.key));
        }
      }
      const Summary s = summarize(values);
      table << ' ' << fixed(s.mean, c.decimals) << " ± " << fixed(s.sd, c.decimals);
      if (m > 0) {
        const TTest t = pairedTTest(mine, base);
        if (t.p < 0.05) table << " †";
        notes << "- " << methods[m].name << " vs " << methods[0].name << ", " << c.title << ": p = " << fixed(t.p, 4)
              << " (paired t-test, " << mine.size() << " cases)\n";
      }
      table << " |";
    }
    table << '\n';
  }
  if (methods.size() > 1) table << "\n† p < 0.05 against " << methods[0].name << ".\n" << notes.str();
  return table.str();
}

}  // namespace tiss

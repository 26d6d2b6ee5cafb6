#include "training/SeedGroups.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

#include "common/RunFiles.h"

namespace tiss::ui {

QString seedGroupKey(const QString& runFolder) {
  QFile f(runFile(runFolder, &RunFolder::configFile));
  if (!f.open(QIODevice::ReadOnly)) return {};
  QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
  if (config.isEmpty()) return {};
  config.remove("seed");
  return QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact));
}

QList<QList<int>> groupBySeed(const QStringList& folders) {
  QList<QList<int>> groups;
  QHash<QString, int> groupOf;
  for (int i = 0; i < folders.size(); ++i) {
    const QString key = seedGroupKey(folders[i]);
    if (!key.isEmpty() && groupOf.contains(key)) {
      groups[groupOf[key]] << i;
      continue;
    }
    if (!key.isEmpty()) groupOf[key] = int(groups.size());
    groups << QList<int>{i};
  }
  return groups;
}

SeedBand seedBand(const QVector<Series>& series) {
  SeedBand b;
  b.runs = int(series.size());
  if (series.isEmpty()) return b;
  if (series.size() == 1) {
    b.mean = series.front();
    return b;
  }
  // The steps every run has (runs of one config log the same steps; a shorter run ends early).
  QHash<double, QVector<double>> at;
  for (const Series& s : series)
    for (int i = 0; i < s.steps.size(); ++i) at[s.steps[i]] << s.values[i];
  for (int i = 0; i < series.front().steps.size(); ++i) {
    const double step = series.front().steps[i];
    const QVector<double>& v = at[step];
    if (v.size() != series.size()) continue;
    double sum = 0, squares = 0;
    for (double x : v) sum += x;
    const double mean = sum / double(v.size());
    for (double x : v) squares += (x - mean) * (x - mean);
    const double sd = std::sqrt(squares / double(v.size() - 1));
    b.mean.add(step, mean);
    b.lo.add(step, mean - sd);
    b.hi.add(step, mean + sd);
  }
  return b;
}

}  // namespace tiss::ui

#pragma once
/// Runs that differ only by their seed, grouped (W&B's and TensorBoard users' "group by seed"):
/// the dashboard then draws one mean curve per group with a band of ± one standard deviation
/// between its runs, instead of one curve per run.
#include <QList>
#include <QString>
#include <QVector>

#include "training/RunHistory.h"

namespace tiss::ui {

/// The run's config.json without its "seed", as compact JSON: two runs with the same key
/// differ only by their seed. Empty when the config cannot be read (the run stays alone).
QString seedGroupKey(const QString& runFolder);

/// Indices of `folders` grouped by seedGroupKey (in first-seen order; unreadable ones alone).
QList<QList<int>> groupBySeed(const QStringList& folders);

/// The mean of `series` at the steps every one of them has, and mean ± sample sd there (lo,
/// hi). Fewer than two series: the one series and no band.
struct SeedBand {
  Series mean, lo, hi;
  int runs = 0;
};
SeedBand seedBand(const QVector<Series>& series);

}  // namespace tiss::ui

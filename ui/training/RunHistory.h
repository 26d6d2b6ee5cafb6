#pragma once
/// A run's history as the dashboard plots it, rebuilt from events.jsonl lines (docs/events.md):
/// one series per loss term, validation metrics and learning rate by step, progress, status
/// and previews. Plain values; parsing never needs a window or the process that wrote them.
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace tiss::ui {

/// Points of one curve by step; steps increase (a resumed run replaces the steps it redoes).
struct Series {
  QVector<double> steps, values;
  /// Appends (step, value), first dropping points at or after `step` (a resume redoes them).
  void add(double step, double value);
  /// Adds every point of `later` in order (in bulk when it starts after this series' end).
  void add(const Series& later);
};

struct RunProgress {
  long step = 0, total = 0;
  int epoch = 0;
  double itPerS = 0, etaS = 0, lr = 0;
  /// Data-parallel runs: each rank's speed (it/s, rank 0 first; empty for one process) and the
  /// MB of gradients each rank all-reduced in the last step.
  QVector<double> rankItPerS;
  double allreduceMb = 0;
};

struct RunHistory {
  QHash<QString, Series> losses;      ///< by term ("total", "coarse", ...)
  QHash<QString, Series> validation;  ///< "dice_pct", "psnr_db", "perc_dice_pct"
  Series learningRate;
  /// Gradient norms by "part/from_group" (e.g. "coarse_decoder/from_segmentor"): the L2 norm of
  /// one loss group's gradient with respect to one network part, from "gradients" events
  /// (optim.gradient_norms_every; docs/events.md). Empty for runs that did not log them.
  QHash<QString, Series> gradients;
  RunProgress progress;
  QString state;                      ///< last status event: running, finished, failed, stopped
  QString message;                    ///< its message (e.g. why a run failed)
  QString select;                     ///< the best-checkpoint criterion (validation key), from the status event
  long bestStep = -1;                 ///< iteration of the last best checkpoint, -1: none yet
  double bestScore = 0;               ///< its score on `select`
  QStringList previews;               ///< preview PNGs relative to the run folder, oldest first
  QStringList previewCases;           ///< the validation case of each preview (may be empty)
  long lines = 0;                     ///< event lines read
  long badLines = 0;                  ///< lines not used: not JSON (a torn last line) or a point without its step

  /// Applies one event line; unknown events and keys are ignored.
  void apply(const QByteArray& line);
  /// Loss term names, "total" first, then alphabetical.
  QStringList lossTerms() const;
  /// The network parts that have gradient norms ("coarse_decoder", "encoder", ...), sorted.
  QStringList gradientParts() const;
  /// The loss groups measured for `part` ("from_coarse", "from_segmentor", ...), sorted.
  QStringList gradientSources(const QString& part) const;
};

}  // namespace tiss::ui

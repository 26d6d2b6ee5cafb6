#include "training/RunHistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace tiss::ui {

void Series::add(double step, double value) {
  // Steps only grow, so the points to drop are a tail: find where it starts.
  const auto from = std::lower_bound(steps.begin(), steps.end(), step);
  const int keep = int(from - steps.begin());
  steps.resize(keep);
  values.resize(keep);
  steps.push_back(step);
  values.push_back(value);
}

void Series::add(const Series& later) {
  if (later.steps.isEmpty()) return;
  if (steps.isEmpty() || later.steps.first() > steps.last()) {
    steps += later.steps;
    values += later.values;
    return;
  }
  for (int i = 0; i < later.steps.size(); ++i) add(later.steps[i], later.values[i]);
}

void RunHistory::apply(const QByteArray& line) {
  if (line.trimmed().isEmpty()) return;
  QJsonParseError err;
  const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
  if (err.error != QJsonParseError::NoError || !doc.isObject()) {
    ++badLines;
    return;
  }
  ++lines;
  const QJsonObject e = doc.object();
  const QString event = e.value("event").toString();
  // A point needs its step: one without (a foreign or damaged line) would otherwise read as
  // step 0 and, as a resume would, drop every later point.
  const bool hasStep = e.value("step").isDouble() && e.value("step").toDouble() >= 1;
  const double step = e.value("step").toDouble();
  if ((event == "step" || event == "validation" || event == "gradients") && !hasStep) {
    ++badLines;
    return;
  }
  if (event == "step") {
    const QJsonObject terms = e.value("losses").toObject();
    for (auto it = terms.begin(); it != terms.end(); ++it) losses[it.key()].add(step, it.value().toDouble());
    progress.step = long(step);
    progress.total = long(e.value("total").toDouble());
    progress.epoch = e.value("epoch").toInt();
    progress.itPerS = e.value("it_per_s").toDouble();
    progress.etaS = e.value("eta_s").toDouble();
    progress.lr = e.value("lr").toDouble();
    progress.rankItPerS.clear();
    for (const QJsonValue v : e.value("rank_it_per_s").toArray()) progress.rankItPerS << v.toDouble();
    progress.allreduceMb = e.value("allreduce_mb").toDouble();
    learningRate.add(step, progress.lr);
  } else if (event == "validation") {
    for (const char* key : {"dice_pct", "psnr_db", "perc_dice_pct"})
      if (e.contains(key)) validation[key].add(step, e.value(key).toDouble());
  } else if (event == "gradients") {
    const QJsonObject norms = e.value("norms").toObject();
    for (auto it = norms.begin(); it != norms.end(); ++it)
      if (it.key().contains('/') && it.value().isDouble()) gradients[it.key()].add(step, it.value().toDouble());
  } else if (event == "status") {
    state = e.value("state").toString();
    message = e.value("message").toString();
    if (e.contains("select")) select = e.value("select").toString();
  } else if (event == "checkpoint" && e.value("kind").toString() == "best") {
    bestStep = long(step);
    const QString key = e.contains("select") ? e.value("select").toString() : QStringLiteral("dice_pct");
    bestScore = e.value(key).toDouble();
  } else if (event == "preview") {
    previews << e.value("file").toString();
    previewCases << e.value("case").toString();
  }
}

QStringList RunHistory::lossTerms() const {
  QStringList terms = losses.keys();
  std::sort(terms.begin(), terms.end());
  if (terms.removeAll("total")) terms.prepend("total");
  return terms;
}

QStringList RunHistory::gradientParts() const {
  QStringList parts;
  for (auto it = gradients.begin(); it != gradients.end(); ++it) {
    const QString part = it.key().section('/', 0, 0);
    if (!parts.contains(part)) parts << part;
  }
  std::sort(parts.begin(), parts.end());
  return parts;
}

QStringList RunHistory::gradientSources(const QString& part) const {
  QStringList sources;
  for (auto it = gradients.begin(); it != gradients.end(); ++it)
    if (it.key().section('/', 0, 0) == part) sources << it.key().section('/', 1);
  std::sort(sources.begin(), sources.end());
  return sources;
}

}  // namespace tiss::ui

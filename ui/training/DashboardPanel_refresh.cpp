// DashboardPanel: what the shown runs put on the plots, the progress line, the log and the
// preview strip.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTextStream>
#include <QCheckBox>

#include <functional>

#include "training/CurvePlot.h"
#include "common/RunFiles.h"
#include "training/DashboardPanel.h"
#include "training/LossGrid.h"
#include "training/RunsModel.h"
#include "training/SeedGroups.h"
#include "qcustomplot.h"

namespace tiss::ui {

namespace {
// The data set a run trained on, from its run.json.
QString runDataDir(const QString& run) {
  QFile f(runFile(run, &RunFolder::infoFile));
  return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object().value("data").toString() : QString();
}
}  // namespace

void DashboardPanel::showRuns(const QList<int>& rows) {
  shown_ = rows;
  losses_->clear();
  termGrid_->clear();
  validation_->clear();
  lr_->clear();
  refresh();
}

// "best checkpoint by PSNR (dB): 23.10 at iteration 150", so the user knows what "best" means.
QString DashboardPanel::selectText(const RunHistory& h) const {
  const QString name = h.select == "psnr_db" ? tr("PSNR of x_t' (dB)")
                       : h.select == "perc_dice_pct" ? tr("perceptibility Dice (%)") : tr("Dice (%)");
  if (h.bestStep < 0) return tr("best checkpoint by %1").arg(name);
  return tr("best checkpoint by %1: %2 at iteration %3").arg(name, QLocale().toString(h.bestScore, 'f', 2)).arg(h.bestStep);
}

// One curve per shown run; with "Group by seed", runs that differ only by their seed become one
// mean curve with a band of ± one sd between them (SeedGroups.h).
void DashboardPanel::refresh() {
  QList<QList<int>> groups;
  if (groupSeeds_->isChecked()) {
    QStringList folders;
    for (int row : shown_) folders << (runs_->monitor(row) ? runs_->monitor(row)->folder() : QString());
    groups = groupBySeed(folders);
  } else {
    for (int i = 0; i < shown_.size(); ++i) groups << QList<int>{i};
  }
  const bool several = groups.size() > 1;
  for (int g = 0; g < groups.size(); ++g) {
    QVector<const RunHistory*> histories;
    QString name;
    for (int i : groups[g])
      if (const RunMonitor* m = runs_->monitor(shown_[i])) {
        histories << &m->history();
        if (name.isEmpty()) name = m->name();
      }
    if (histories.isEmpty()) continue;
    if (histories.size() > 1) name = tr("%1 (mean of %n seed(s))", nullptr, int(histories.size())).arg(name);
    drawGroup(several ? name + " " : QString(), several ? name : QString(), histories, several ? g : -1);
  }
  for (CurvePlot* p : {losses_, validation_, lr_}) p->refreshView();
  termGrid_->refreshView();
  refreshTermList();
  const RunMonitor* m = shown_.isEmpty() ? nullptr : runs_->monitor(shown_.first());
  // A live run cannot be resumed (its trainer holds the folder's lock); a dead one not stopped.
  const bool alive = m && m->state() == RunMonitor::State::Running;
  resume_->setEnabled(m && !alive && m->state() != RunMonitor::State::Finished);
  stop_->setEnabled(alive);
  if (!m) return;
  const RunHistory& h = m->history();
  const QLocale locale;
  progress_->setRange(0, int(std::max(1L, h.progress.total)));
  progress_->setValue(int(h.progress.step));
  const QString where = tr("epoch %1, iteration %2 / %3").arg(h.progress.epoch).arg(h.progress.step).arg(h.progress.total);
  progress_->setToolTip(where);
  QString status = tr("%1: %2").arg(m->name(), RunMonitor::stateText(m->state())) + " — " + where;
  if (m->state() == RunMonitor::State::Running)
    status += tr(", %1 it/s, %2 min left").arg(locale.toString(h.progress.itPerS, 'f', 2), locale.toString(h.progress.etaS / 60, 'f', 1));
  if (m->state() == RunMonitor::State::Running && !h.progress.rankItPerS.isEmpty()) {
    // Data-parallel: the run goes at its slowest rank's pace.
    QStringList speeds;
    for (double v : h.progress.rankItPerS) speeds << locale.toString(v, 'f', 2);
    status += tr(", %n rank(s): %1 it/s each, %2 MB all-reduced a step", nullptr, int(h.progress.rankItPerS.size()))
                  .arg(speeds.join(" / "), locale.toString(h.progress.allreduceMb, 'f', 1));
  }
  if (!h.message.isEmpty() && m->state() != RunMonitor::State::Running) status += " — " + h.message;
  if (!h.select.isEmpty()) status += " — " + selectText(h);
  status_->setText(status);
  // The trainer's own output; after a crash its last lines say why.
  const QStringList lines = lastLogLines(m->folder(), m->state() == RunMonitor::State::Crashed ? 40 : 200);
  const QString text = lines.join('\n');
  if (log_->toPlainText() != text) log_->setPlainText(text);
  if (previews_->count() != h.previews.size()) {
    previews_->clear();
    const QString data = runDataDir(m->folder());
    for (int i = 0; i < h.previews.size(); ++i) {
      const QString png = QDir(m->folder()).filePath(h.previews[i]);
      auto* item = new QListWidgetItem(QIcon(png), QFileInfo(png).completeBaseName(), previews_);
      item->setData(Qt::UserRole, png);
      item->setData(Qt::UserRole + 1, data);
      item->setData(Qt::UserRole + 2, h.previewCases.value(i));
      item->setToolTip(h.previewCases.value(i));
    }
    previews_->scrollToBottom();
  }
}

// Curve `name` of `plot` from `pick`'s series of every history: one run as it is, several as
// their mean with a band.
void DashboardPanel::drawSeries(CurvePlot* plot, const QString& name, const QVector<const RunHistory*>& histories,
                                const std::function<const Series*(const RunHistory&)>& pick, const QColor& colour,
                                bool rightAxis) {
  QVector<Series> series;
  for (const RunHistory* h : histories)
    if (const Series* s = pick(*h)) series << *s;
  if (series.isEmpty()) return;
  const SeedBand band = seedBand(series);
  plot->setCurve(name, band.mean, colour, rightAxis);
  if (band.runs > 1) plot->setBand(name, band.lo, band.hi);
}

// prefix/runName: "" for a single run or group on show. colourIndex -1: colours by term.
void DashboardPanel::drawGroup(const QString& prefix, const QString& runName, const QVector<const RunHistory*>& histories,
                               int colourIndex) {
  const bool several = colourIndex >= 0;
  const int i = std::max(0, colourIndex);
  auto loss = [](const QString& term) {
    return [term](const RunHistory& h) -> const Series* {
      const auto it = h.losses.constFind(term);
      return it == h.losses.constEnd() ? nullptr : &it.value();
    };
  };
  auto metric = [](const QString& key) {
    return [key](const RunHistory& h) -> const Series* {
      const auto it = h.validation.constFind(key);
      return it == h.validation.constEnd() ? nullptr : &it.value();
    };
  };
  drawSeries(losses_, prefix + "total", histories, loss("total"), curveColour(several ? i : 0));
  const QStringList terms = histories.front()->lossTerms();
  for (int t = 0; t < terms.size(); ++t)
    if (terms[t] != "total")
      drawSeries(termGrid_->plot(terms[t]), several ? runName : terms[t], histories, loss(terms[t]), curveColour(several ? i : t + 1));
  drawSeries(validation_, prefix + tr("Dice (%)"), histories, metric("dice_pct"), curveColour(2 * i));
  drawSeries(validation_, prefix + tr("PSNR (dB)"), histories, metric("psnr_db"), curveColour(2 * i + 1), true);
  drawSeries(validation_, prefix + tr("perceptibility Dice (%)"), histories, metric("perc_dice_pct"), curveColour(2 * i + 2));
  drawSeries(lr_, prefix + tr("learning rate"), histories, [](const RunHistory& h) -> const Series* { return &h.learningRate; }, curveColour(i));
  if (gradients_->isChecked()) drawGradients(runName, histories, colourIndex);
}

// One chart per network part ("‖∇‖ coarse decoder"), one curve per loss group reaching it;
// several runs on show: one curve per run and group, coloured by run.
void DashboardPanel::drawGradients(const QString& runName, const QVector<const RunHistory*>& histories, int colourIndex) {
  const RunHistory& first = *histories.front();
  const QStringList parts = first.gradientParts();
  for (const QString& part : parts) {
    const QStringList sources = first.gradientSources(part);
    CurvePlot* plot = termGrid_->plot(tr("‖∇‖ %1").arg(networkPartText(part)));
    plot->setLegendVisible(true);
    plot->setLegendBelow();  // never over the curves
    for (int k = 0; k < sources.size(); ++k) {
      const QString key = part + '/' + sources[k];
      const QString curve = runName.isEmpty() ? lossGroupText(sources[k]) : runName + " " + lossGroupText(sources[k]);
      drawSeries(plot, curve, histories,
                 [key](const RunHistory& h) -> const Series* {
                   const auto it = h.gradients.constFind(key);
                   return it == h.gradients.constEnd() ? nullptr : &it.value();
                 },
                 curveColour(colourIndex >= 0 ? colourIndex * 3 + k : k + 1));
    }
  }
}

QString DashboardPanel::networkPartText(const QString& part) const {
  if (part == "coarse_decoder") return tr("coarse decoder (y_c)");
  if (part == "synthesis_decoder") return tr("synthesis decoder (x_t')");
  if (part == "encoder") return tr("G's encoder");
  return part;
}

QString DashboardPanel::lossGroupText(const QString& source) const {
  if (source == "from_coarse") return tr("L_c");
  if (source == "from_segmentor") return tr("S's losses");
  if (source == "from_synthesis") return tr("synthesis losses");
  return source;
}

void DashboardPanel::refreshTermList() {
  // One row per term chart, with the term's colour (one run) to show or hide it.
  QStringList names = termGrid_->terms();
  std::sort(names.begin(), names.end());
  QStringList present;
  for (int i = 0; i < terms_->count(); ++i) present << terms_->item(i)->text();
  if (present == names) return;
  terms_->clear();
  for (const QString& n : names) {
    QPixmap swatch(12, 12);
    const QStringList curves = termGrid_->plot(n)->curves();
    swatch.fill(curves.size() == 1 ? termGrid_->plot(n)->colour(curves.first()) : palette().color(QPalette::Mid));
    auto* item = new QListWidgetItem(QIcon(swatch), n, terms_);
    item->setCheckState(Qt::Checked);
  }
}

bool DashboardPanel::exportCsv(const QString& path) const {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  QTextStream out(&f);
  out << "plot,curve,step,value\n";
  std::vector<std::pair<QString, CurvePlot*>> plots{{"loss", losses_}, {"validation", validation_}, {"lr", lr_}};
  for (const QString& term : termGrid_->terms()) plots.push_back({"loss:" + term, termGrid_->plot(term)});
  for (const auto& [plotName, plot] : plots)
    for (const QString& curve : plot->curves()) {
      const Series s = plot->plotted(curve);
      for (int i = 0; i < s.steps.size(); ++i)
        out << plotName << ',' << curve << ',' << s.steps[i] << ',' << QString::number(s.values[i], 'g', 10) << '\n';
    }
  return f.error() == QFile::NoError;
}

}  // namespace tiss::ui

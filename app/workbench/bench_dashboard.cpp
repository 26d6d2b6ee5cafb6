// tissnet-bench-dashboard: the cost of one dashboard refresh on a long run: the total and ten
// loss-term charts of 100 000 steps each, every refresh adding the steps a live run logged
// since the last one, then drawing every chart as the screen does. Prints median and worst ms
// per refresh (the goal: under 16 ms, one frame) and, for comparison, a full rebuild.
// Usage: tissnet-bench-dashboard [--steps N] [--refreshes N]   (QT_QPA_PLATFORM=offscreen works)
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "training/CurvePlot.h"
#include "training/LossGrid.h"
#include "qcustomplot.h"

using namespace tiss::ui;

namespace {

Series curve(int term, int steps) {
  Series s;
  for (int i = 1; i <= steps; ++i) s.add(i, (term + 1) * (1.0 + 0.5 * std::sin(0.001 * i * (term + 1))) / std::sqrt(double(i)));
  return s;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QCommandLineParser cli;
  cli.addOptions({{"steps", "steps already logged per curve", "n", "100000"}, {"refreshes", "refreshes timed", "n", "60"}});
  cli.process(app);
  const int steps = cli.value("steps").toInt(), refreshes = cli.value("refreshes").toInt(), perRefresh = 25;
  const int terms = 10;
  std::vector<Series> series;
  for (int t = 0; t <= terms; ++t) series.push_back(curve(t, steps + refreshes * perRefresh));
  // The monitor's series grow in place and the dashboard receives them shared (no copy).
  std::vector<Series> live(series.size());
  auto upTo = [&](int t, int n) -> const Series& {
    Series& s = live[size_t(t)];
    for (int i = s.steps.size(); i < n; ++i) s.add(series[size_t(t)].steps[i], series[size_t(t)].values[i]);
    return s;
  };
  QWidget window;
  window.resize(1280, 800);
  CurvePlot total(&window);
  total.setGeometry(0, 0, 420, 250);
  LossGrid grid(&window);
  grid.setGeometry(0, 260, 1280, 540);
  window.show();
  double updating = 0;
  auto refresh = [&](int n) {
    for (int t = 0; t <= terms; ++t) upTo(t, n);  // the monitor's work, not the dashboard's
    QElapsedTimer u;
    u.start();
    total.setCurve("total", live[0], Qt::blue);
    for (int t = 1; t <= terms; ++t) grid.plot(QString("term_%1").arg(t))->setCurve("term", live[size_t(t)], Qt::red);
    total.refreshView();
    grid.refreshView();
    updating += u.nsecsElapsed() / 1e6;
    total.plot()->replot(QCustomPlot::rpImmediateRefresh);
    for (const QString& term : grid.terms()) grid.plot(term)->plot()->replot(QCustomPlot::rpImmediateRefresh);
  };
  QElapsedTimer timer;
  timer.start();
  refresh(steps);
  const double rebuild = timer.nsecsElapsed() / 1e6;
  std::vector<double> ms;
  updating = 0;
  for (int r = 1; r <= refreshes; ++r) {
    const int n = steps + r * perRefresh;
    for (int t = 0; t <= terms; ++t) upTo(t, n);
    timer.restart();
    refresh(n);
    ms.push_back(timer.nsecsElapsed() / 1e6);
  }
  std::printf("dashboard refresh, 11 charts x %d steps (+%d a refresh): median %.2f ms, worst %.2f ms over %d refreshes; "
              "first build %.1f ms; of which updating the curves %.2f ms a refresh (the rest is drawing)\n",
              steps, perRefresh, median(ms), *std::max_element(ms.begin(), ms.end()), refreshes, rebuild, updating / refreshes);
  return 0;
}

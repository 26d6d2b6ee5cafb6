// tissnet-bench-viewers: time to move to the next slice in a 4-panel linked layout with 3
// overlays each, on BraTS-sized volumes (240x240x155), painting every panel as the screen does.
// Usage: tissnet-bench-viewers [--steps N] [--size DxHxW]   (QT_QPA_PLATFORM=offscreen works)
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "layout/ComparisonView.h"

using namespace tiss;
using namespace tiss::viewers;

namespace {

// An image with structure (so nothing is trivially uniform) and a sphere mask shifted by `shift`.
Volume image(const Size3& n) {
  Geometry g;
  g.size = n;
  Volume v(g);
  for (long z = 0; z < n[2]; ++z)
    for (long y = 0; y < n[1]; ++y)
      for (long x = 0; x < n[0]; ++x) v.at(x, y, z) = float((x * 7 + y * 3 + z * 5) % 255);
  return v;
}

Volume sphere(const Size3& n, long shift) {
  Geometry g;
  g.size = n;
  Volume v(g);
  const long r = std::min({n[0], n[1], n[2]}) / 3;
  for (long z = 0; z < n[2]; ++z)
    for (long y = 0; y < n[1]; ++y)
      for (long x = 0; x < n[0]; ++x) {
        const long dx = x - n[0] / 2 - shift, dy = y - n[1] / 2, dz = z - n[2] / 2;
        v.at(x, y, z) = dx * dx + dy * dy + dz * dz <= r * r ? 1.f : 0.f;
      }
  return v;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, size_t(p / 100 * double(v.size() - 1) + 0.5))];
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QCommandLineParser cli;
  cli.addHelpOption();
  const QCommandLineOption steps("steps", "slice steps to time", "n", "100");
  const QCommandLineOption size("size", "volume DxHxW", "size", "155x240x240");
  cli.addOptions({steps, size});
  cli.process(app);
  auto n = parseSizeDHW(cli.value(size).toStdString());
  if (!n) return std::fprintf(stderr, "%s\n", n.error().message.c_str()), 2;

  auto images = std::make_shared<CaseImages>();
  images->geometry.size = *n;
  for (const char* key : {"t1", "t1ce", "t2", "flair"}) images->volumes[key] = std::make_shared<const Volume>(image(*n));
  images->volumes["seg"] = std::make_shared<const Volume>(sphere(*n, 0));
  images->volumes["yc"] = std::make_shared<const Volume>(sphere(*n, 6));
  images->volumes["yf"] = std::make_shared<const Volume>(sphere(*n, 3));
  LayoutSpec layout = gridLayout({"t1", "t1ce", "t2", "flair"}, {}, {});
  layout.columns = 2;
  for (auto& p : layout.panels)
    p.overlays = {{"seg", groundTruthColour(), 0.9, true}, {"yc", coarseColour(), 0.4, false}, {"yf", fineColour(), 0.9, true}};

  ComparisonView view;
  view.display(images, layout);
  view.resize(1200, 900);
  view.show();
  app.processEvents();  // a benchmark harness, not the GUI: let the first paint happen
  std::vector<double> ms;
  const int count = cli.value(steps).toInt();
  view.cursor()->setCursor({(*n)[0] / 2, (*n)[1] / 2, 0});
  for (int i = 0; i < count; ++i) {
    QElapsedTimer t;
    t.start();
    view.cursor()->step(2, 1);
    for (SliceView* panel : view.panels()) panel->repaint();
    ms.push_back(double(t.nsecsElapsed()) / 1e6);
  }
  std::printf("next slice, 4 linked panels x (image + 3 overlays), %s volumes, panels %dx%d px: median %.1f ms, "
              "95th percentile %.1f ms (%d steps)\n",
              qPrintable(cli.value(size)), view.panels()[0]->width(), view.panels()[0]->height(), percentile(ms, 50),
              percentile(ms, 95), count);
  return 0;
}

#include "export/PaperFigure.h"

#include "tiss/io/preview.h"

namespace tiss::viewers {

namespace {

// The slice of a row: the truth's largest tumor slice along the axis, or the fixed one.
long rowSlice(const PaperFigureSpec& spec, const CaseImages& images) {
  const auto truth = images.get(spec.truth);
  if (!spec.largestTumorSlice || !truth) return spec.fixedSlice;
  if (spec.axis == SliceAxis::Axial) return largestSlice(*truth);
  long best = truth->size()[size_t(spec.axis)] / 2, bestCount = 0;
  for (long i = 0; i < truth->size()[size_t(spec.axis)]; ++i) {
    const QImage s = renderSlice(*truth, spec.axis, i, WindowLevel{1, 0.5});
    long count = 0;
    for (int y = 0; y < s.height(); ++y)
      for (int x = 0; x < s.width(); ++x) count += s.constScanLine(y)[x] > 127;
    if (count > bestCount) best = i, bestCount = count;
  }
  return best;
}

}  // namespace

Result<std::shared_ptr<PaperFigure>> PaperFigure::build(const PaperFigureSpec& spec,
                                                        const std::function<Result<CaseImages>(const QString&)>& load) {
  if (spec.cases.isEmpty() || spec.columns.empty()) return makeError("", "choose at least one case and one column");
  auto figure = std::make_shared<PaperFigure>();
  figure->columns_ = int(spec.columns.size());
  for (int row = 0; row < spec.cases.size(); ++row) {
    auto loaded = load(spec.cases[row]);
    if (!loaded) return loaded.error();
    auto images = std::make_shared<const CaseImages>(std::move(*loaded));
    const long slice = rowSlice(spec, *images);
    figure->slices_.push_back(slice);
    auto cursor = std::make_unique<CursorModel>();
    cursor->setGeometry(images->geometry);
    Index3 at = cursor->cursor();
    at[size_t(spec.axis)] = slice;
    cursor->setCursor(at);
    for (const auto& column : spec.columns) {
      SliceLayers layers;
      layers.base.volume = images->get(column.image);
      if (!layers.base.volume && !column.fallbackImage.isEmpty()) layers.base.volume = images->get(column.fallbackImage);
      if (!layers.base.volume)
        return makeError(spec.cases[row].toStdString(), "has no image '" + column.image.toStdString() + "'");
      layers.base.windowLevel = WindowLevel::fromPercentiles(*layers.base.volume);
      const auto truth = images->get(spec.truth);
      if (truth && (!column.result.isEmpty() || spec.truthOnImages))
        layers.labels.push_back({truth, spec.truthColour, 1.0, true, spec.truth});
      if (!column.result.isEmpty()) {
        const auto result = images->get(column.result);
        if (!result) return makeError(spec.cases[row].toStdString(), "has no result '" + column.result.toStdString() + "'");
        layers.labels.push_back({result, spec.resultColour, 1.0, true, column.result});
      }
      auto view = std::make_unique<SliceView>(cursor.get(), spec.axis);
      view->setLayers(layers);
      view->setTitle(row == 0 ? column.title : QString());
      if (&column == &spec.columns.front()) view->setCaption(spec.cases[row]);
      view->setScaleBar(row == spec.cases.size() - 1 && &column == &spec.columns.back());
      figure->views_.push_back(std::move(view));
    }
    figure->cursors_.push_back(std::move(cursor));
  }
  return figure;
}

std::vector<const SliceView*> PaperFigure::panels() const {
  std::vector<const SliceView*> p;
  for (const auto& v : views_) p.push_back(v.get());
  return p;
}

Status PaperFigure::exportTo(const QString& path, const FigureOptions& options) const {
  return exportFigure(panels(), columns_, path, options);
}

}  // namespace tiss::viewers

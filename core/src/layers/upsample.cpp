#include "layers/upsample.h"

#include <ATen/Parallel.h>

namespace tiss::layers {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

// Sizes of one upsampling: input depth/height/width, kernel (= stride), output channels.
struct Shape {
  int64_t d, h, w, kd, kh, kw, out;
  int64_t voxels() const { return d * h * w; }
  int64_t rows() const { return out * d * kd * h * kh; }  // output rows of w * kw values, per sample
};

Shape shapeOf(const torch::Tensor& x, const torch::Tensor& weight) {
  return {x.size(2), x.size(3), x.size(4), weight.size(2), weight.size(3), weight.size(4), weight.size(1)};
}

// For output row r = ((((o d) a) h) b) of one sample, calls f(dst row, first source row of the
// kw interleaved ones): the product's rows are (o, a, b, c) x (d, h, w).
template <class F>
void forEachRow(const Shape& s, int64_t first, int64_t last, F f) {
  for (int64_t r = first; r < last; ++r) {
    int64_t rest = r;
    const int64_t b = rest % s.kh;
    rest /= s.kh;
    const int64_t h = rest % s.h;
    rest /= s.h;
    const int64_t a = rest % s.kd;
    rest /= s.kd;
    const int64_t d = rest % s.d, o = rest / s.d;
    const int64_t source = (((o * s.kd + a) * s.kh + b) * s.kw) * s.voxels() + (d * s.h + h) * s.w;
    f(r * s.w * s.kw, source, o);
  }
}

// out[o, d kd + a, h kh + b, w kw + c] = product[(o, a, b, c), d, h, w] + bias[o], one sample.
void interleave(const Shape& s, const float* product, const float* bias, float* out) {
  at::parallel_for(0, s.rows(), 64, [&](int64_t first, int64_t last) {
    forEachRow(s, first, last, [&](int64_t dst, int64_t src, int64_t o) {
      for (int64_t c = 0; c < s.kw; ++c)
        for (int64_t w = 0; w < s.w; ++w) out[dst + w * s.kw + c] = product[src + c * s.voxels() + w] + bias[o];
    });
  });
}

// The inverse: grad product[(o, a, b, c), d, h, w] = grad out[o, d kd + a, h kh + b, w kw + c].
void deinterleave(const Shape& s, const float* gradOut, float* gradProduct) {
  at::parallel_for(0, s.rows(), 64, [&](int64_t first, int64_t last) {
    forEachRow(s, first, last, [&](int64_t dst, int64_t src, int64_t) {
      for (int64_t c = 0; c < s.kw; ++c)
        for (int64_t w = 0; w < s.w; ++w) gradProduct[src + c * s.voxels() + w] = gradOut[dst + w * s.kw + c];
    });
  });
}

// weight Cin x (Cout k) as the product's left factor, transposed: (Cout k) x Cin.
torch::Tensor leftFactor(const torch::Tensor& weight) { return weight.reshape({weight.size(0), -1}).t(); }

torch::Tensor forwardCpu(const torch::Tensor& input, const torch::Tensor& weight, const torch::Tensor& bias) {
  const auto x = input.contiguous();
  const Shape s = shapeOf(x, weight);
  const int64_t n = x.size(0);
  auto out = torch::empty({n, s.out, s.d * s.kd, s.h * s.kh, s.w * s.kw}, x.options());
  auto product = torch::empty({s.out * s.kd * s.kh * s.kw, s.voxels()}, x.options());
  const auto b = bias.contiguous(), left = leftFactor(weight);
  // One sample at a time: BLAS reads the transposed weight in place, nothing is copied.
  for (int64_t i = 0; i < n; ++i) {
    torch::mm_out(product, left, x[i].view({x.size(1), s.voxels()}));
    interleave(s, product.data_ptr<float>(), b.data_ptr<float>(), out[i].data_ptr<float>());
  }
  return out;
}

class UpsampleFunction : public torch::autograd::Function<UpsampleFunction> {
 public:
  static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
    ctx->save_for_backward({x, weight});
    return forwardCpu(x, weight, bias);
  }
  static tensor_list backward(AutogradContext* ctx, tensor_list grads) {
    const auto saved = ctx->get_saved_variables();
    const auto x = saved[0].contiguous(), &weight = saved[1];
    const auto& g = grads[0];  // a slice of cat's gradient: each sample contiguous, not the whole
    const Shape s = shapeOf(x, weight);
    const int64_t n = x.size(0);
    const int64_t cin = x.size(1);
    auto gradProduct = torch::empty({s.out * s.kd * s.kh * s.kw, s.voxels()}, g.options());
    const auto left = weight.reshape({cin, -1});  // Cin x (Cout k)
    torch::Tensor gx, gw, gb;
    if (ctx->needs_input_grad(0)) gx = torch::empty_like(x);
    if (ctx->needs_input_grad(1)) gw = torch::zeros({cin, gradProduct.size(0)}, g.options());
    for (int64_t i = 0; i < n; ++i) {
      deinterleave(s, g[i].contiguous().data_ptr<float>(), gradProduct.data_ptr<float>());
      if (gx.defined()) {
        auto rows = gx[i].view({cin, s.voxels()});
        torch::mm_out(rows, left, gradProduct);
      }
      if (gw.defined()) gw.addmm_(x[i].view({cin, s.voxels()}), gradProduct.t());  // sum over samples of x gradProduct^T
    }
    if (ctx->needs_input_grad(2)) gb = g.sum({0, 2, 3, 4});
    return {gx, gw.defined() ? gw.view(weight.sizes()) : gw, gb};
  }
};

// Any device and type: the same product and reshuffle with LibTorch's ops.
torch::Tensor generic(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
  const Shape s = shapeOf(x, weight);
  const int64_t n = x.size(0);
  auto y = torch::matmul(leftFactor(weight), x.reshape({n, x.size(1), s.voxels()}));
  y = y.view({n, s.out, s.kd, s.kh, s.kw, s.d, s.h, s.w}).permute({0, 1, 5, 2, 6, 3, 7, 4});
  return y.reshape({n, s.out, s.d * s.kd, s.h * s.kh, s.w * s.kw}) + bias.view({1, s.out, 1, 1, 1});
}

}  // namespace

torch::Tensor upsample(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
  const bool cpuFloat = x.device().is_cpu() && x.scalar_type() == torch::kFloat && weight.scalar_type() == torch::kFloat &&
                        bias.scalar_type() == torch::kFloat;
  if (!cpuFloat) return generic(x, weight, bias);
  const bool grad = torch::GradMode::is_enabled() && (x.requires_grad() || weight.requires_grad() || bias.requires_grad());
  return grad ? UpsampleFunction::apply(x, weight, bias) : forwardCpu(x, weight, bias);
}

}  // namespace tiss::layers

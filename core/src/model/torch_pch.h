// Precompiled for every LibTorch translation unit of core (see core/CMakeLists.txt).
#pragma once
#include <torch/torch.h>

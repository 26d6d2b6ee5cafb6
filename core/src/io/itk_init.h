#pragma once
// ITK 5.2 creates its global singletons (object factories, the multi-threader's defaults, the
// output window) lazily and not thread-safely: two threads touching ITK first at the same time
// (a data set checked or written on two threads) can corrupt them, and the process then crashes
// or hangs at exit (ITK issue #5493). Every core entry point into ITK calls this first: the
// first call creates them on one thread while any other waits.
namespace tiss::detail {

void initItk();

}  // namespace tiss::detail

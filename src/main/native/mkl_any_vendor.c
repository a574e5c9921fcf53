/*
 * The MKL inside the engine's libtorch asks this function whether the processor is Intel's
 * and, when it is not, runs its generic code path whatever the processor supports. On the
 * AMD EPYC this project measures on, that path made each matrix product 2-4x slower than
 * the AVX2/AVX-512 path MKL then picks by the processor's own feature flags. The launcher
 * loads this with LD_PRELOAD on AMD processors (see README, "Native speed").
 */
int mkl_serv_intel_cpu_true(void) {
  return 1;
}

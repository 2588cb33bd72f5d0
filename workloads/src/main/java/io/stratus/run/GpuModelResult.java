package io.stratus.run;

/**
 * What one GPU model of a GPU cluster saw in a run under one policy. Ratios are 0 to 1.
 *
 * @param model                  the GPU model
 * @param gpus                   GPUs of this model
 * @param meanAllocation         time-average allocated over capacity
 * @param meanFragmentation      time-integrated fragmented over unallocated capacity
 * @param endAllocation          allocated over capacity at the end
 * @param endFragmentation       fragmented over unallocated capacity at the end (NaN if none unallocated)
 */
public record GpuModelResult(String model, long gpus, double meanAllocation, double meanFragmentation,
                             double endAllocation, double endFragmentation) {
}

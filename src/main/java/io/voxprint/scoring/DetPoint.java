package io.voxprint.scoring;

/**
 * One operating point: accepting every trial whose score is >= threshold misses the fraction
 * pMiss of target trials and falsely accepts the fraction pFa of non-target trials.
 */
public record DetPoint(double threshold, double pMiss, double pFa) {
}

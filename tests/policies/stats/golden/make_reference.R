# Reference values for tests/policies/stats (docket::policy_stats), produced with R's
# own poisson.test, binom.test and p.adjust. R is not part of the project's install
# script, so this ran once and its output is checked in:
#
#   cd tests/policies/stats/golden && Rscript make_reference.R
#
# with "R version 4.2.2 Patched (2022-11-10 r83330)" (Debian bookworm r-base-core).
# Writes rate_ratio_reference.tsv, binomial_reference.tsv and bh_reference.tsv. Every
# number is printed with sprintf("%.17g") so the C++ test reads back the exact doubles
# R used (inputs included). Re-running it reproduces the files byte for byte.
set.seed(20240611)

fmt <- function(v) sprintf("%.17g", v)
alternatives <- c("two.sided", "less", "greater")

# ---- poisson.test(c(x1, x2), c(T1, T2), r, alternative, conf.level) --------------
rr_rows <- list()
add_rr <- function(x1, t1, x2, t2, r, alt, conf) {
  res <- poisson.test(c(x1, x2), c(t1, t2), r = r, alternative = alt, conf.level = conf)
  p0 <- r * t1 / (r * t1 + t2)
  rr_rows[[length(rr_rows) + 1]] <<- c(
    fmt(x1), fmt(t1), fmt(x2), fmt(t2), fmt(r), alt, fmt(conf),
    fmt(res$p.value), fmt(res$conf.int[1]), fmt(res$conf.int[2]),
    fmt(unname(res$estimate)), fmt((x1 + x2) * p0))
}
random_exposure <- function() signif(10^runif(1, -2, 6), 6)
draw_count <- function(kind, mean) {
  switch(kind,
         uniform = sample(0:500, 1),
         small = sample(0:20, 1),
         poisson = min(500, rpois(1, mean)))
}
for (i in 1:480) {
  t1 <- random_exposure()
  t2 <- random_exposure()
  kind <- sample(c("uniform", "small", "poisson", "poisson", "poisson"), 1)
  # For "poisson": counts from one rate (possibly stepped up) so p-values cover the
  # whole range, not only the extremes.
  rate <- 10^runif(1, -1, 2.5) / max(t1, t2)
  step <- sample(c(1, 1, 1.5, 2, 3), 1)
  x1 <- draw_count(kind, step * rate * t1 * 10)
  x2 <- draw_count(kind, rate * t2 * 10)
  if (x1 + x2 == 0) x2 <- 1
  r <- sample(c(1, 1, 1, 1, 0.5, 1.5, 2, 3), 1)
  alt <- alternatives[(i - 1) %% 3 + 1]
  conf <- sample(c(0.95, 0.95, 0.9, 0.99), 1)
  add_rr(x1, t1, x2, t2, r, alt, conf)
}
# Edge cases: empty windows, equal exposures and counts (x == n*p0), huge counts.
for (alt in alternatives) {
  add_rr(0, 48, 7, 336, 1, alt, 0.95)
  add_rr(9, 48, 0, 336, 1, alt, 0.95)
  add_rr(0, 1, 1, 1, 1, alt, 0.95)
  add_rr(1, 1, 0, 1, 1, alt, 0.95)
  add_rr(12, 100, 12, 100, 1, alt, 0.95)
  add_rr(3, 0.3, 7, 0.7, 1, alt, 0.95)
  add_rr(1000, 2.5e4, 9000, 3.5e5, 1, alt, 0.95)
  add_rr(123456, 1e6, 987654, 7e6, 1, alt, 0.99)
  add_rr(40, 1e-2, 60, 1e4, 2, alt, 0.95)
}

rr <- do.call(rbind, rr_rows)
colnames(rr) <- c("x1", "t1", "x2", "t2", "null_ratio", "alternative", "confidence",
                  "p_value", "ci_low", "ci_high", "rate_ratio", "expected_conditional")
write.table(rr, "rate_ratio_reference.tsv", sep = "\t", quote = FALSE, row.names = FALSE)

# ---- binom.test(x, n, p, alternative, conf.level) ---------------------------------
b_rows <- list()
add_b <- function(x, n, p, alt, conf) {
  res <- binom.test(x, n, p, alternative = alt, conf.level = conf)
  b_rows[[length(b_rows) + 1]] <<- c(
    fmt(x), fmt(n), fmt(p), alt, fmt(conf),
    fmt(res$p.value), fmt(res$conf.int[1]), fmt(res$conf.int[2]), fmt(unname(res$estimate)))
}
for (i in 1:150) {
  n <- sample(c(1:30, sample(31:2000, 30)), 1)
  x <- sample(0:n, 1)
  p <- sample(c(runif(1), 0.5, x / n, round(runif(1), 1)), 1)
  add_b(x, n, p, alternatives[(i - 1) %% 3 + 1], sample(c(0.95, 0.9, 0.99), 1))
}
for (alt in alternatives) {
  add_b(0, 1, 0.5, alt, 0.95)
  add_b(1, 1, 0.5, alt, 0.95)
  add_b(3, 10, 0.3, alt, 0.95)       # 10 * 0.3 is 3.0000000000000004, not 3
  add_b(5, 10, 0.5, alt, 0.95)       # x == n * p exactly
  add_b(0, 10, 0, alt, 0.95)         # p0 == 0
  add_b(2, 10, 0, alt, 0.95)
  add_b(10, 10, 1, alt, 0.95)        # p0 == 1
  add_b(7, 10, 1, alt, 0.95)
  add_b(50, 100, 0.5, alt, 0.999)
  add_b(1, 1000, 0.5, alt, 0.95)     # far tail
  add_b(499000, 1000000, 0.5, alt, 0.95)
}
b <- do.call(rbind, b_rows)
colnames(b) <- c("successes", "trials", "null_probability", "alternative", "confidence",
                 "p_value", "ci_low", "ci_high", "estimate")
write.table(b, "binomial_reference.tsv", sep = "\t", quote = FALSE, row.names = FALSE)

# ---- p.adjust(p, "BH") --------------------------------------------------------------
bh_rows <- list()
for (v in 1:60) {
  m <- sample(c(1:10, 20, 50, 200), 1)
  p <- switch(sample(1:4, 1),
              runif(m),
              round(runif(m), 2),                                  # many ties
              c(runif(m)^4)[sample(m)],                            # many small values
              sample(c(0, 1, 0.01, 0.04, 0.05, runif(3)), m, TRUE)) # exact 0/1 and ties
  q <- p.adjust(p, "BH")
  for (i in seq_len(m)) bh_rows[[length(bh_rows) + 1]] <- c(v, i - 1, fmt(p[i]), fmt(q[i]))
}
bh <- do.call(rbind, bh_rows)
colnames(bh) <- c("vector", "index", "p", "q")
write.table(bh, "bh_reference.tsv", sep = "\t", quote = FALSE, row.names = FALSE)

# Reference values for the overdispersion additions to docket::policy_stats, produced
# with R's own functions (pbeta/qbeta, poisson.test, glm(family = quasipoisson)).
# R is not part of the project's install script, so this ran once and its output is
# checked in:
#
#   cd tests/policies/stats/golden && Rscript make_dispersion_reference.R
#
# with "R version 4.2.2 Patched (2022-11-10 r83330)" (Debian bookworm r-base-core).
# Writes quasi_rate_ratio_reference.tsv and quasi_poisson_dispersion_reference.tsv;
# numbers are printed with sprintf("%.17g"); re-running reproduces them byte for byte.
set.seed(20261129)

fmt <- function(v) sprintf("%.17g", v)
alternatives <- c("two.sided", "less", "greater")

# ---- QuasiRateRatioTest: the conditional binomial test at effective counts x1/phi,
# n/phi, continued to real counts by the regularized incomplete beta function:
#   greater P(X >= x) = pbeta(p0, x, n - x + 1), less P(X <= x) = pbeta(1 - p0, n - x, x + 1),
#   two-sided min(1, 2 * min(greater, less)); Clopper-Pearson bounds by qbeta.
# phi == 1 rows come from poisson.test itself (the C++ takes the exact path there).
quasi <- function(x1, t1, x2, t2, phi, alt, conf) {
  if (phi == 1) {
    res <- poisson.test(c(x1, x2), c(t1, t2), alternative = alt, conf.level = conf)
    return(c(res$p.value, res$conf.int[1], res$conf.int[2]))
  }
  p0 <- t1 / (t1 + t2)
  x <- x1 / phi
  n <- (x1 + x2) / phi
  up <- if (x == 0) 1 else pbeta(p0, x, n - x + 1)
  lo <- if (x == n) 1 else pbeta(1 - p0, n - x, x + 1)
  lower <- function(a) if (x == 0) 0 else qbeta(a, x, n - x + 1)
  upper <- function(a) if (x == n) 1 else qbeta(1 - a, x + 1, n - x)
  ratio <- function(pp) if (pp >= 1) Inf else pp / (1 - pp) * t2 / t1
  if (alt == "greater") return(c(up, ratio(lower(1 - conf)), Inf))
  if (alt == "less") return(c(lo, 0, ratio(upper(1 - conf))))
  a <- (1 - conf) / 2
  c(min(1, 2 * min(up, lo)), ratio(lower(a)), ratio(upper(a)))
}
qr_rows <- list()
add_qr <- function(x1, t1, x2, t2, phi, alt, conf) {
  v <- quasi(x1, t1, x2, t2, phi, alt, conf)
  qr_rows[[length(qr_rows) + 1]] <<- c(fmt(x1), fmt(t1), fmt(x2), fmt(t2), fmt(phi), alt,
                                       fmt(conf), fmt(v[1]), fmt(v[2]), fmt(v[3]))
}
for (i in 1:150) {
  t1 <- signif(10^runif(1, 0, 4), 6)
  t2 <- signif(t1 * 10^runif(1, -0.5, 1.5), 6)
  mean2 <- 10^runif(1, 0, 3)
  x2 <- rpois(1, mean2)
  x1 <- rpois(1, mean2 * t1 / t2 * sample(c(1, 1, 1.5, 2, 3), 1))
  if (x1 + x2 == 0) x1 <- 1
  phi <- sample(c(1, 1.0001, 1.2, 1.5, 2, 3.7, 10), 1)
  add_qr(x1, t1, x2, t2, phi, alternatives[(i - 1) %% 3 + 1], sample(c(0.95, 0.9, 0.99), 1))
}
for (alt in alternatives) {  # edges: nothing current, everything current, phi > n
  add_qr(0, 48, 30, 336, 2, alt, 0.95)
  add_qr(12, 48, 0, 336, 1.5, alt, 0.95)
  add_qr(1, 48, 2, 336, 5, alt, 0.95)
  add_qr(400, 48, 1400, 336, 2.5, alt, 0.95)
}
qr <- do.call(rbind, qr_rows)
colnames(qr) <- c("x1", "t1", "x2", "t2", "dispersion", "alternative", "confidence",
                  "p_value", "ci_low", "ci_high")
write.table(qr, "quasi_rate_ratio_reference.tsv", sep = "\t", quote = FALSE, row.names = FALSE)

# ---- EstimateQuasiPoissonDispersion: per series, R's quasi-Poisson dispersion of the
# constant-rate model, summary(glm(count ~ 1 + offset(log(exposure)),
# family = quasipoisson))$dispersion (Pearson X^2 / (D - 1)); a series qualifies when it
# has D >= 2 periods and >= 5 * D events. The expected value of a set is
# max(1, median over qualifying series), 1 when none qualifies.
qp_rows <- list()
for (set in 1:40) {
  kappa <- sample(c(0, 0.02, 0.1, 0.5), 1)
  series_count <- sample(1:9, 1)
  per_series <- c()
  for (s in seq_len(series_count)) {
    d <- sample(c(1, 2, 3, 7, 14), 1)
    exposure <- signif(runif(d, 0.2, 3) * 1000, 6)
    rate <- 10^runif(1, -3, -0.5)
    mu <- rate * exposure
    count <- if (kappa == 0) rpois(d, mu) else rnbinom(d, mu = mu, size = 1 / kappa)
    qualifies <- d >= 2 && sum(count) >= 5 * d
    dispersion <- NA
    if (qualifies) {
      # Tight IRLS tolerance: the default (1e-8) leaves the dispersion ~1e-5 off the value
      # at the closed-form MLE count * exposure / sum(exposure); 1e-13 leaves ~1e-7 (the
      # C++ test allows 1e-6); tighter stops converging.
      fit <- glm(count ~ 1 + offset(log(exposure)), family = quasipoisson,
                 control = glm.control(epsilon = 1e-13, maxit = 100))
      dispersion <- summary(fit)$dispersion
      per_series <- c(per_series, dispersion)
    }
    qp_rows[[length(qp_rows) + 1]] <- list(set = set, series = s - 1,
                                          counts = paste(count, collapse = ","),
                                          exposures = paste(fmt(exposure), collapse = ","),
                                          dispersion = if (is.na(dispersion)) "NA" else fmt(dispersion))
  }
  set_phi <- if (length(per_series) == 0) 1 else max(1, median(per_series))
  for (k in seq_along(qp_rows)) if (qp_rows[[k]]$set == set) qp_rows[[k]]$set_phi <- fmt(set_phi)
}
qp <- do.call(rbind, lapply(qp_rows, function(r) c(r$set, r$series, r$counts, r$exposures,
                                                   r$dispersion, r$set_phi)))
colnames(qp) <- c("set", "series", "counts", "exposures", "series_dispersion", "set_phi")
write.table(qp, "quasi_poisson_dispersion_reference.tsv", sep = "\t", quote = FALSE,
            row.names = FALSE)

import HFEnterprise

// Uses HFEnterprise alone: the production primitives and their middleware, without any network call.
do {
    let limiter = try RateLimiter(limits: [.perSecond(2), .perMinute(10)])
    let granted = [try await limiter.tryAcquire(), try await limiter.tryAcquire(), try await limiter.tryAcquire()]
    let recorder = MetricsRecorder()
    let client = HFClient(
        configuration: HFConfiguration(token: "hf_consumer_smoke_token_0000000000"),
        middleware: [MetricsMiddleware(recorder: recorder), RetryMiddleware(), RateLimiterMiddleware(limiter)]
    )
    let estimate = TokenEstimator.characters().count("How many tokens is this?")
    print("HFEnterprise consumer OK: \(granted), \(client.middleware.count) middleware, \(estimate) tokens, \(recorder.snapshot().totals.requests) requests")
} catch {
    print("HFEnterprise consumer failed: \(error)")
}

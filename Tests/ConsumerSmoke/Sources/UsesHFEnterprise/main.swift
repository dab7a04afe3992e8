import HFEnterprise

// Uses HFEnterprise alone: the client and the production primitives' clock, without any network call.
let client = HFClient(configuration: HFConfiguration(token: "hf_consumer_smoke_token_0000000000"))
let clock: any HFClock = .system
print("HFEnterprise consumer OK: \(client.configuration.routerBaseURL), clock at \(clock.now)")

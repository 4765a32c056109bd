package io.proofdesk.devnet.chain;

import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.contracts.InferenceJsons;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import io.proofdesk.devnet.contracts.TEERegistry;
import org.web3j.protocol.core.RemoteCall;

/** Deploys the demo network's contracts from the session's account, which becomes their admin. */
public final class ChainDeployer {
    private final ChainSession session;

    public ChainDeployer(ChainSession session) {
        this.session = session;
    }

    public DevnetContracts deployAll() {
        var web3j = session.web3j();
        var tm = session.transactionManager();
        var gas = session.gasProvider();
        return new DevnetContracts(
                send("TEERegistry", TEERegistry.deploy(web3j, tm, gas)),
                send("InferenceSettlementRelay", InferenceSettlementRelay.deploy(web3j, tm, gas)),
                send("Inference", Inference.deploy(web3j, tm, gas)),
                send("InferenceJsons", InferenceJsons.deploy(web3j, tm, gas)));
    }

    private <T> T send(String contract, RemoteCall<T> deployment) {
        try {
            return deployment.send();
        } catch (Exception e) {
            throw new ContractDeploymentException(contract, session.rpcUrl(), e);
        }
    }
}

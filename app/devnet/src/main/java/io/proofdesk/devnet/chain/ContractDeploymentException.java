package io.proofdesk.devnet.chain;

/** A demo-network contract could not be deployed (node down, out of gas, reverted constructor). */
public final class ContractDeploymentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String contract;
    private final String rpcUrl;

    public ContractDeploymentException(String contract, String rpcUrl, Throwable cause) {
        super("deploying " + contract + " to " + rpcUrl + " failed: " + cause.getMessage(), cause);
        this.contract = contract;
        this.rpcUrl = rpcUrl;
    }

    public String contract() {
        return contract;
    }

    public String rpcUrl() {
        return rpcUrl;
    }
}

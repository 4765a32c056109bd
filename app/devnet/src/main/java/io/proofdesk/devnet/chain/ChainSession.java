package io.proofdesk.devnet.chain;

import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.NoOpProcessor;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * One signer on one chain: the web3j client, a transaction manager and a gas provider, ready for the
 * generated wrappers' {@code deploy}/{@code load}. Closing it shuts the web3j client down.
 */
public final class ChainSession implements AutoCloseable {
    /** Below the Osaka per-transaction cap (EIP-7825, 2^24), so transactions stay valid on newer forks too. */
    public static final BigInteger GAS_LIMIT = BigInteger.valueOf(16_000_000);
    /** anvil's base fee starts at 1 gwei and falls; a fixed legacy price above it never stalls. */
    public static final BigInteger GAS_PRICE = BigInteger.valueOf(2_000_000_000L);

    private final Web3j web3j;
    private final String rpcUrl;
    private final Credentials credentials;
    private final long chainId;
    private final TransactionManager transactionManager;
    private final ContractGasProvider gasProvider;

    public ChainSession(Web3j web3j, String rpcUrl, Credentials credentials, long chainId) {
        this.web3j = web3j;
        this.rpcUrl = rpcUrl;
        this.credentials = credentials;
        this.chainId = chainId;
        // web3j's default receipt processor polls every 15 s; anvil mines at once, so poll every 20 ms
        this.transactionManager = new RawTransactionManager(web3j, credentials, chainId,
                new PollingTransactionReceiptProcessor(web3j, 20, 3000));
        this.gasProvider = new StaticGasProvider(GAS_PRICE, GAS_LIMIT);
    }

    public static ChainSession connect(String rpcUrl, long chainId, Credentials credentials) {
        return new ChainSession(Web3j.build(new HttpService(rpcUrl)), rpcUrl, credentials, chainId);
    }

    public Web3j web3j() {
        return web3j;
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    public Credentials credentials() {
        return credentials;
    }

    public TransactionManager transactionManager() {
        return transactionManager;
    }

    /**
     * A transaction manager for bulk writers that returns as soon as a transaction is accepted (the receipt holds
     * only its hash) and counts nonces itself, so one thread can keep many transactions in flight and read their
     * receipts later. It takes the account's nonce when first used: nothing else may send from this account while
     * it is in use.
     */
    public TransactionManager unwaitedTransactionManager() {
        return new FastRawTransactionManager(web3j, credentials, chainId, new NoOpProcessor(web3j));
    }

    public ContractGasProvider gasProvider() {
        return gasProvider;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}

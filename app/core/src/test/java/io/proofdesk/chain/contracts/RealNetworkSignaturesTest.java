package io.proofdesk.chain.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.crypto.Hash;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The generated wrappers must match OpenGradient's real event signatures (research section 1), or
 * topic filters silently find nothing on the real network. The expected strings are written out by
 * hand from the real contracts' Solidity, independently of our interfaces.
 */
class RealNetworkSignaturesTest {
    private static final String NUMBER_TENSOR = "(string,(int128,int128)[],int256[])";
    private static final String STRING_TENSOR = "(string,string[])";

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT,
                        "IndividualSettlement(bytes32,address,bytes32,bytes32,uint256,bytes,bytes)"),
                Arguments.of(IInferenceSettlementRelay.BATCHSETTLEMENT_EVENT, "BatchSettlement(bytes32,uint256,bytes)"),
                Arguments.of(ITEERegistry.TEEREGISTERED_EVENT, "TEERegistered(bytes32,address,uint8)"),
                Arguments.of(ITEERegistry.TEEENABLED_EVENT, "TEEEnabled(bytes32)"),
                Arguments.of(ITEERegistry.TEEDISABLED_EVENT, "TEEDisabled(bytes32)"),
                Arguments.of(ITEERegistry.PCRAPPROVED_EVENT, "PCRApproved(bytes32,uint8,string)"),
                Arguments.of(ITEERegistry.PCRREVOKED_EVENT, "PCRRevoked(bytes32)"),
                Arguments.of(ITEERegistry.HEARTBEATRECEIVED_EVENT, "HeartbeatReceived(bytes32,uint256)"),
                Arguments.of(ITEERegistry.AWSCERTIFICATEUPDATED_EVENT, "AWSCertificateUpdated(bytes32)"),
                Arguments.of(ITEERegistry.TEETYPEADDED_EVENT, "TEETypeAdded(uint8,string)"),
                Arguments.of(ITEERegistry.TEETYPEDEACTIVATED_EVENT, "TEETypeDeactivated(uint8)"),
                Arguments.of(IInference.INFERENCERESULT_EVENT,
                        "InferenceResult((" + NUMBER_TENSOR + "[]," + STRING_TENSOR + "[],bool))"),
                Arguments.of(IInferenceJsons.INFERENCERESULT_EVENT,
                        "InferenceResult((" + NUMBER_TENSOR + "[]," + STRING_TENSOR + "[],(string,string)[],bool))"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("events")
    void eventTopicMatchesTheRealSignature(Event event, String signature) {
        assertEquals(Hash.sha3String(signature), EventEncoder.encode(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void functionSelectorMatchesTheRealSignature(String signature, String encodedByWrapper) {
        assertEquals(Hash.sha3String(signature).substring(0, 10), encodedByWrapper.substring(0, 10));
    }

    static Stream<Arguments> functions() {
        var tm = new ReadonlyTransactionManager(null, "0x0000000000000000000000000000000000000002");
        var gas = new DefaultGasProvider();
        String at = "0x0000000000000000000000000000000000000001";
        IInference inference = IInference.load(at, null, tm, gas);
        IInferenceSettlementRelay relay = IInferenceSettlementRelay.load(at, null, tm, gas);
        ITEERegistry registry = ITEERegistry.load(at, null, tm, gas);
        byte[] b32 = new byte[32];
        return Stream.of(
                Arguments.of("run(string,uint8,(" + NUMBER_TENSOR + "[]," + STRING_TENSOR + "[]))",
                        inference.run("m", BigInteger.ZERO, new IInference.ModelInput(List.of(), List.of()))
                                .encodeFunctionCall()),
                Arguments.of("settleIndividual(bytes32,bytes32,bytes32,uint256,address,bytes,bytes)",
                        relay.settleIndividual(b32, b32, b32, BigInteger.ONE, at, new byte[1], new byte[1])
                                .encodeFunctionCall()),
                Arguments.of("batchSettle(bytes32,uint256,bytes)",
                        relay.batchSettle(b32, BigInteger.ONE, new byte[1]).encodeFunctionCall()),
                Arguments.of("verifyProof(bytes32[],bytes32,bytes32)",
                        relay.verifyProof(List.of(b32), b32, b32).encodeFunctionCall()),
                Arguments.of("approvePCR((bytes,bytes,bytes),string,uint8)", registry.approvePCR(
                        new ITEERegistry.PCRMeasurements(new byte[48], new byte[48], new byte[48]), "v",
                        BigInteger.ONE).encodeFunctionCall()),
                Arguments.of("revokePCR(bytes32,uint8)", registry.revokePCR(b32, BigInteger.ONE).encodeFunctionCall()),
                Arguments.of("heartbeat(bytes32,uint256,bytes)",
                        registry.heartbeat(b32, BigInteger.ONE, new byte[1]).encodeFunctionCall()),
                Arguments.of("approvedPCRs(uint8,bytes32)", registry.approvedPCRs(BigInteger.ONE, b32).encodeFunctionCall()),
                Arguments.of("computeTEEId(bytes)", registry.computeTEEId(new byte[1]).encodeFunctionCall()),
                Arguments.of("getTEE(bytes32)", registry.getTEE(b32).encodeFunctionCall()));
    }
}

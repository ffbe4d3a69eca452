import type { PublicClient } from "viem";
import { tokenUnitsFor, USDC_FUNDS_CURRENCY, type OnchainTransaction, type UsdcChain } from "../../domain/payments/crypto";
import type { FundingProvider } from "../../domain/payments/provider";
import { AppError } from "../../domain/errors";
import { requireCurrency } from "../../domain/currency/currencies";
import type { Vars } from "../../env";

export const USDC_DECIMALS = 6;

export interface UsdcConfig {
  rpcUrl: string;
  tokenAddress: `0x${string}`;
  platformAddress: `0x${string}`;
  chainId: number;
  confirmations: number;
}

/** USDC is on when its RPC endpoint, token and receiving address are all configured. */
export function usdcConfig(vars: Vars): UsdcConfig | null {
  if (!vars.USDC_RPC_URL || !vars.USDC_TOKEN_ADDRESS || !vars.USDC_PLATFORM_ADDRESS) return null;
  return {
    rpcUrl: vars.USDC_RPC_URL,
    tokenAddress: vars.USDC_TOKEN_ADDRESS.toLowerCase() as `0x${string}`,
    platformAddress: vars.USDC_PLATFORM_ADDRESS.toLowerCase() as `0x${string}`,
    chainId: vars.USDC_CHAIN_ID,
    confirmations: vars.USDC_CONFIRMATIONS,
  };
}

// Loaded when first used: the library is large, and most requests never read the chain.
let library: Promise<typeof import("viem")> | undefined;
const loadViem = () => (library ??= import("viem"));

/** Reads transactions and their USDC Transfer logs over JSON-RPC with viem. */
export function usdcChain(config: UsdcConfig): UsdcChain {
  let client: PublicClient | undefined;
  const connected = async () => {
    const viem = await loadViem();
    // cacheTime 0: viem would otherwise reuse the chain head for seconds and undercount confirmations.
    client ??= viem.createPublicClient({ cacheTime: 0, transport: viem.http(config.rpcUrl, { retryCount: 1, timeout: 10_000 }) });
    return { viem, client };
  };
  return {
    chainId: config.chainId,
    tokenAddress: config.tokenAddress,
    platformAddress: config.platformAddress,
    requiredConfirmations: config.confirmations,
    tokenDecimals: USDC_DECIMALS,
    async inspect(hash): Promise<OnchainTransaction> {
      const { viem, client } = await connected();
      const { erc20Abi, parseEventLogs, TransactionNotFoundError, TransactionReceiptNotFoundError } = viem;
      let receipt;
      try {
        receipt = await client.getTransactionReceipt({ hash });
      } catch (error) {
        if (!(error instanceof TransactionReceiptNotFoundError)) throw error;
        try {
          await client.getTransaction({ hash });
          return { state: "pending" };
        } catch (inner) {
          if (inner instanceof TransactionNotFoundError) return { state: "missing" };
          throw inner;
        }
      }
      const head = await client.getBlockNumber();
      const transfers = parseEventLogs({ abi: erc20Abi, eventName: "Transfer", logs: receipt.logs, strict: true }).map((log) => ({
        token: log.address.toLowerCase(),
        from: log.args.from.toLowerCase(),
        to: log.args.to.toLowerCase(),
        value: log.args.value,
      }));
      return {
        state: "mined",
        success: receipt.status === "success",
        blockNumber: receipt.blockNumber,
        confirmations: Number(head - receipt.blockNumber + 1n),
        transfers,
      };
    },
  };
}

/**
 * Funding by USDC: the payment waits, and the client sends the amount to the platform address, then
 * POSTs the transaction hash to /payments/crypto/verify, which checks it on chain and credits the funds.
 */
export function usdcFunding(config: UsdcConfig): FundingProvider {
  return {
    name: "usdc",
    label: `USDC on chain ${config.chainId}`,
    assertCanCharge(charge) {
      if (charge.currency !== USDC_FUNDS_CURRENCY) {
        throw new AppError(422, "currency_not_supported", `USDC can only pay amounts in US dollars, not ${charge.currency}.`, {
          provider: ["Pay by card or in the sandbox for this currency, or pay in USD."],
        });
      }
    },
    async startPayment(input) {
      if (input.currency !== USDC_FUNDS_CURRENCY) throw new Error(`USDC cannot charge ${input.currency}`);
      const amount = tokenUnitsFor(input.amount, requireCurrency(input.currency).minorUnits, USDC_DECIMALS);
      return {
        providerRef: `usdc_${input.paymentId}`,
        status: "pending",
        nextAction: {
          type: "send_usdc",
          address: config.platformAddress,
          tokenAddress: config.tokenAddress,
          chainId: config.chainId,
          amount: amount.toString(),
          decimals: USDC_DECIMALS,
          confirmations: config.confirmations,
        },
      };
    },
  };
}

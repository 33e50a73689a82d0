import { prisma } from "@/lib/db/client";

const LOG_SIZE = 50;

/** Every endpoint with its latest deliveries, for the admin screen (never the secret). */
export async function listWebhookEndpoints() {
  const endpoints = await prisma.webhookEndpoint.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      url: true,
      events: true,
      enabled: true,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: LOG_SIZE,
        select: { id: true, eventType: true, createdAt: true, status: true, attempts: true, lastStatusCode: true, lastError: true, nextAttemptAt: true, deliveredAt: true },
      },
    },
  });
  return endpoints;
}

export type WebhookEndpointView = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];

# An EC2 cluster with an Auto Scaling capacity provider as its default, one awsvpc task definition and a
# service behind a load balancer target group from another state, all in one file.
resource "aws_ecs_cluster" "main" {
  name = var.cluster_name
}

resource "aws_ecs_capacity_provider" "asg" {
  name = "${var.cluster_name}-asg"
  auto_scaling_group_provider {
    auto_scaling_group_arn = data.terraform_remote_state.compute.outputs.asg_arn
    managed_scaling {
      status          = "ENABLED"
      target_capacity = 100
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = [aws_ecs_capacity_provider.asg.name]
  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.asg.name
    weight            = 100
    base              = 1
  }
}

resource "aws_ecs_task_definition" "app" {
  family             = "app"
  network_mode       = "awsvpc"
  execution_role_arn = aws_iam_role.execution.arn
  cpu                = 256
  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "public.ecr.aws/docker/library/httpd:2.4"
      cpu       = 256
      memory    = 512
      essential = true
      portMappings = [
        { containerPort = 80, protocol = "tcp" }
      ]
    }
  ])
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 1

  network_configuration {
    subnets         = data.terraform_remote_state.network.outputs.private_subnet_ids
    security_groups = [aws_security_group.app.id]
  }

  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.asg.name
    weight            = 100
  }

  load_balancer {
    target_group_arn = data.terraform_remote_state.network.outputs.target_group_arn
    container_name   = "app"
    container_port   = 8080
  }

  placement_constraints {
    type = "distinctInstance"
  }
}

resource "aws_ecs_service" "app_public" {
  for_each        = toset(var.environments)
  name            = "app-${each.key}"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "EC2"
  desired_count   = 1

  network_configuration {
    subnets          = var.public_subnet_ids
    assign_public_ip = true
  }
}
